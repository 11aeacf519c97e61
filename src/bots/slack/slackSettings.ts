import type { Config } from '../../core/config/config.ts';

/** What the Slack adapter needs from the configuration, decided once. */
export interface SlackSettings {
  readonly botToken: string;
  /** Socket Mode when an app-level token is set (no public URL needed), HTTP otherwise. */
  readonly mode: 'http' | 'socket';
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly port: number;
  /** Interface HTTP mode listens on; Slack must reach it, so all interfaces unless told. */
  readonly host?: string;
  /** Web API base, e.g. http://127.0.0.1:4000/api/ for a local fake. */
  readonly apiUrl?: string;
  /** Slack user ids allowed to change feeds, topics and subscriptions besides admins. */
  readonly adminUsers: readonly string[];
}

/** Undefined when Slack is not configured; `reason` says what is missing. */
export function slackSettingsFrom(config: Config): { readonly settings?: SlackSettings; readonly reason?: string } {
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken) return { reason: 'SLACK_BOT_TOKEN is not set' };
  const common = { botToken, port: config.SLACK_PORT, adminUsers: config.SLACK_ADMIN_USERS, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) };
  if (config.SLACK_APP_TOKEN) return { settings: { ...common, mode: 'socket', appToken: config.SLACK_APP_TOKEN } };
  if (config.SLACK_SIGNING_SECRET) return { settings: { ...common, mode: 'http', signingSecret: config.SLACK_SIGNING_SECRET } };
  return { reason: 'Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) next to SLACK_BOT_TOKEN' };
}
