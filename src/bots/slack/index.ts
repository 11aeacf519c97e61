export { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from './slackApp.ts';
export { slackSettingsFrom, type SlackSettings } from './slackSettings.ts';
export { SlackDeliveryPort } from './deliveryPort.ts';
export { renderReply, SLACK_LIMITS, type SlackMessage } from './render.ts';
