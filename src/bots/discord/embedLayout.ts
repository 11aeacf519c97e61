import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS as L } from './discordLimits.ts';
import { splitText, truncate } from './discordMarkdown.ts';

/**
 * Lays Markdown blocks and fields into embeds within Discord's limits, keeping reading order:
 * text goes into the description until it is full, fields follow it, and text after fields
 * starts a new embed (Discord always shows fields below the description).
 */
export class EmbedLayout {
  private readonly embeds: APIEmbed[] = [];
  private current: APIEmbed;

  constructor(
    private readonly colour: number,
    title: string,
  ) {
    this.current = { color: colour, title: truncate(title, L.title) };
    this.embeds.push(this.current);
  }

  addBlock(markdown: string): void {
    for (const piece of splitText(markdown, L.description)) {
      const description = this.current.description;
      const joined = description ? `${description}\n\n${piece}` : piece;
      if (this.current.fields?.length || joined.length > L.description || size(this.current) - (description?.length ?? 0) + joined.length > L.charsPerMessage) {
        this.next().description = piece;
      } else {
        this.current.description = joined;
      }
    }
  }

  addField(name: string, value: string, inline = false): void {
    const field: APIEmbedField = { name: truncate(name || '—', L.fieldName), value: truncate(value || '—', L.fieldValue), inline };
    const count = this.current.fields?.length ?? 0;
    if (count >= L.fieldsPerEmbed || size(this.current) + field.name.length + field.value.length > L.charsPerMessage) this.next();
    (this.current.fields ??= []).push(field);
  }

  finish(footer?: string): APIEmbed[] {
    if (footer) {
      const text = truncate(footer, L.footer);
      if (size(this.current) + text.length > L.charsPerMessage) this.next();
      this.current.footer = { text };
    }
    // Discord refuses an embed with nothing in it.
    return this.embeds.filter((embed) => embed.title || embed.description || embed.fields?.length || embed.footer);
  }

  private next(): APIEmbed {
    this.current = { color: this.colour };
    this.embeds.push(this.current);
    return this.current;
  }
}

/** What counts toward the 6,000-character budget of a message. */
export function size(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Groups embeds into messages of at most 10 embeds and 6,000 characters, in order. */
export function packMessages(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let batch: APIEmbed[] = [];
  let chars = 0;
  for (const embed of embeds) {
    const n = size(embed);
    if (batch.length > 0 && (batch.length >= L.embedsPerMessage || chars + n > L.charsPerMessage)) {
      messages.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(embed);
    chars += n;
  }
  if (batch.length > 0) messages.push(batch);
  return messages;
}
