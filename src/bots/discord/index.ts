export { startDiscordBot, restClient, type DiscordBot, type DiscordBotOptions } from './discordBot.ts';
export { DiscordDelivery, nonceFor } from './discordDelivery.ts';
export { registerCommands, type Registration } from './registerCommands.ts';
export { renderReply, type DiscordMessage } from './render.ts';
export { slashCommandBodies, BRIEF, BRIEF_ADMIN } from './slashCommands.ts';
export type { AutocompleteSources } from './autocomplete.ts';
