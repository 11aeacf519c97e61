/**
 * The platform-neutral answer every adapter renders. The core builds Replies; Slack turns
 * them into Block Kit, Discord into embeds, the web chat into HTML, the CLI into text/JSON.
 * Nothing here knows a platform limit: renderers split and truncate.
 */
export type ReplyKind = 'answer' | 'digest' | 'alert' | 'error' | 'info';

export interface Source {
  readonly outlet?: string | undefined;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  /** ISO 8601 date or date-time. */
  readonly publishedAt?: string | undefined;
}

/** A sentence quoted verbatim, with every source that reported it. */
export interface Quote {
  readonly text: string;
  readonly sources: readonly Source[];
}

export interface Field {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

export interface Link {
  readonly label: string;
  readonly url: string;
}

export interface ReplySection {
  readonly heading?: string;
  /** Plain text; renderers escape it for their markup. */
  readonly text?: string;
  readonly quotes?: readonly Quote[];
  readonly fields?: readonly Field[];
  readonly sources?: readonly Source[];
}

export interface Reply {
  readonly kind: ReplyKind;
  readonly title: string;
  readonly sections: readonly ReplySection[];
  readonly links?: readonly Link[];
  /** A closing line such as "As of 2024-09-13" or "14 articles from 6 outlets". */
  readonly footer?: string;
  /** Only the person who asked should see it (help, errors, refusals). */
  readonly ephemeral?: boolean;
  /** Structured result for machine readers (CLI --json, web API); never rendered as text. */
  readonly data?: unknown;
}

export const errorReply = (title: string, text: string, data?: unknown): Reply => ({
  kind: 'error',
  title,
  sections: [{ text }],
  ephemeral: true,
  ...(data === undefined ? {} : { data }),
});

export const infoReply = (title: string, text: string, extra: Partial<Reply> = {}): Reply => ({
  kind: 'info',
  title,
  sections: [{ text }],
  ...extra,
});

/** A plain-text rendering, used by the CLI and as every platform's fallback text. */
export function replyToText(reply: Reply): string {
  const lines: string[] = [reply.title];
  for (const section of reply.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    if (section.text) lines.push(section.text);
    for (const quote of section.quotes ?? []) {
      lines.push(`> “${quote.text}”`);
      for (const source of quote.sources) lines.push(`  — ${formatSource(source)}`);
    }
    for (const field of section.fields ?? []) lines.push(`${field.name}: ${field.value}`);
    for (const source of section.sources ?? []) lines.push(`• ${formatSource(source)}`);
  }
  for (const link of reply.links ?? []) lines.push(`${link.label}: ${link.url}`);
  if (reply.footer) lines.push('', reply.footer);
  return lines.join('\n');
}

/** "CNN, 2024-05-30, https://…" — the order people read a citation in. */
export function formatSource(source: Source): string {
  const parts = [source.outlet ?? 'unknown outlet'];
  if (source.publishedAt) parts.push(source.publishedAt.slice(0, 10));
  if (source.title) parts.push(source.title);
  if (source.url) parts.push(source.url);
  return parts.join(', ');
}
