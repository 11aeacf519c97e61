import type { APIAllowedMentions, APIEmbed } from 'discord.js';
import type { Reply, ReplyKind, ReplySection } from '../../core/reply.ts';
import { EmbedLayout, packMessages } from './embedLayout.ts';
import { escapeText, sourceLink } from './discordMarkdown.ts';

/** One Discord message body, ready for a channel post, an interaction reply or an edit. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly allowed_mentions: APIAllowedMentions;
}

export interface RenderOptions {
  /** A role to ping above a policy alert (configured per channel); ignored for every other kind. */
  readonly alertRoleId?: string | undefined;
}

/** Colour by kind, so a channel reads at a glance: alerts red, digests green, answers blue. */
export const KIND_COLOURS: Readonly<Record<ReplyKind, number>> = {
  alert: 0xd64545,
  digest: 0x2f9e6e,
  answer: 0x3b7dd8,
  error: 0x8f2d2d,
  info: 0x7a8594,
};

/**
 * Nobody is pinged unless we say so: article text quoting "@everyone" or a role mention must
 * never notify a server. Embeds cannot ping; `parse: []` also covers `content`.
 */
const NO_PINGS: APIAllowedMentions = { parse: [] };

/**
 * Reply → one or more Discord messages, in order. A long digest becomes several messages,
 * each within Discord's limits (see discordLimits.ts); sources become links.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const layout = new EmbedLayout(KIND_COLOURS[reply.kind], reply.title || 'newsbrief');
  for (const section of reply.sections) renderSection(layout, section);
  if (reply.links?.length) layout.addBlock(reply.links.map((link) => sourceLink({ outlet: link.label, url: link.url })).join('\n'));
  const messages: DiscordMessage[] = packMessages(layout.finish(reply.footer)).map((embeds) => ({ embeds, allowed_mentions: NO_PINGS }));
  const role = reply.kind === 'alert' && options.alertRoleId && /^\d{5,25}$/.test(options.alertRoleId) ? options.alertRoleId : undefined;
  if (role && messages[0]) {
    // Only the first message of an alert pings, and only that one role.
    messages[0] = { ...messages[0], content: `<@&${role}>`, allowed_mentions: { parse: [], roles: [role] } };
  }
  return messages;
}

function renderSection(layout: EmbedLayout, section: ReplySection): void {
  const lines: string[] = [];
  if (section.heading) lines.push(`**${escapeText(section.heading)}**`);
  if (section.text) lines.push(escapeText(section.text));
  for (const quote of section.quotes ?? []) {
    const cited = quote.sources.map(sourceLink).join(' · ');
    lines.push(`> “${escapeText(quote.text).replace(/\n+/g, ' ')}”${cited ? `\n— ${cited}` : ''}`);
  }
  for (const source of section.sources ?? []) lines.push(`• ${sourceLink(source)}`);
  if (lines.length > 0) layout.addBlock(lines.join('\n'));
  for (const field of section.fields ?? []) layout.addField(escapeText(field.name), escapeText(field.value), field.inline);
}
