import type { types } from '@slack/bolt';
import type { Quote, Reply, ReplySection, Source } from '../../core/reply.ts';
import { escapeMrkdwn, safeUrl, truncate } from './mrkdwn.ts';
import { splitText } from './splitText.ts';

type Block = types.KnownBlock;

/**
 * Slack's documented Block Kit limits. Exceed one and Slack refuses the whole message with
 * `invalid_blocks`, so the renderer splits at these edges instead of hoping.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  messageChars: 40_000,
  contextElements: 10,
  contextText: 2000,
  fieldsPerSection: 10,
  fieldText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  /** Fallback `text` kept short: it is what notifications and screen readers show. */
  fallbackText: 1000,
} as const;

/** One Slack message: Block Kit plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

export interface RenderOptions {
  /** Blocks appended after the reply (e.g. the "Post to channel" button), counted in the limits. */
  readonly trailingBlocks?: readonly Block[];
}

/**
 * Reply → one or more Slack messages, in order. Every message has a header (continuations
 * say "(2/3)"), fits every limit above, and carries a fallback text. All text from articles
 * and users is mrkdwn-escaped, so a feed can never ping `<!channel>` or forge a link.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const content: Block[] = [];
  reply.sections.forEach((section, index) => {
    if (index > 0) content.push({ type: 'divider' });
    content.push(...sectionBlocks(section));
  });
  if (reply.links?.length) content.push(...linkBlocks(reply.links));
  if (reply.footer) content.push(contextBlock([escapeMrkdwn(reply.footer)]));
  content.push(...(options.trailingBlocks ?? []));
  const pages = paginate(content);
  return pages.map((blocks, index) => {
    const suffix = pages.length > 1 ? ` (${index + 1}/${pages.length})` : '';
    const title = reply.title.trim() || 'newsbrief';
    return { text: fallbackText(title + suffix, blocks), blocks: [headerBlock(title, suffix), ...blocks] };
  });
}

function headerBlock(title: string, suffix: string): Block {
  const room = SLACK_LIMITS.headerText - suffix.length;
  // Header text is plain_text: Slack never parses mentions or links in it.
  return { type: 'header', text: { type: 'plain_text', text: truncate(title, room) + suffix, emoji: false } };
}

function sectionBlocks(section: ReplySection): Block[] {
  const blocks: Block[] = [];
  if (section.heading) blocks.push(mrkdwnSection(`*${truncate(escapeMrkdwn(section.heading), 300)}*`));
  if (section.text) blocks.push(...splitText(escapeMrkdwn(section.text), SLACK_LIMITS.sectionText).map(mrkdwnSection));
  for (const quote of section.quotes ?? []) blocks.push(...quoteBlocks(quote));
  if (section.fields?.length) blocks.push(...fieldBlocks(section.fields));
  if (section.sources?.length) blocks.push(...sourceBlocks(section.sources));
  return blocks;
}

const mrkdwnSection = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

function quoteBlocks(quote: Quote): Block[] {
  // Each line of a Slack block quote needs its own `>`; the quote itself is escaped first.
  const quoted = splitText(escapeMrkdwn(`“${quote.text}”`), SLACK_LIMITS.sectionText - 200).map((part) =>
    part.split('\n').map((line) => `>${line}`).join('\n'),
  );
  return [...quoted.map(mrkdwnSection), ...sourceBlocks(quote.sources)];
}

function fieldBlocks(fields: NonNullable<ReplySection['fields']>): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection) {
    const chunk = fields.slice(i, i + SLACK_LIMITS.fieldsPerSection);
    blocks.push({
      type: 'section',
      fields: chunk.map((field) => ({
        type: 'mrkdwn' as const,
        text: truncate(`*${escapeMrkdwn(field.name)}*\n${escapeMrkdwn(field.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  return blocks;
}

/**
 * "CNN · 2024-05-30 · <link|title>": the order people read a citation in. Each part is capped
 * after escaping (outlet 200, title 300, URL 1,000 characters), so the line always fits a
 * 2,000-character context element whole and a link is never cut open.
 */
export function sourceLine(source: Source): string {
  const parts = [truncate(escapeMrkdwn(source.outlet ?? 'unknown outlet'), 200)];
  if (source.publishedAt) parts.push(escapeMrkdwn(source.publishedAt.slice(0, 10)));
  const label = truncate(escapeMrkdwn(source.title ?? source.url ?? ''), 300);
  const href = safeUrl(source.url);
  if (label) parts.push(href ? `<${href}|${label}>` : label);
  return parts.join(' · ');
}

function sourceBlocks(sources: readonly Source[]): Block[] {
  const lines = sources.map(sourceLine);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += SLACK_LIMITS.contextElements) {
    blocks.push(contextBlock(lines.slice(i, i + SLACK_LIMITS.contextElements)));
  }
  return blocks;
}

const contextBlock = (texts: readonly string[]): Block => ({
  type: 'context',
  elements: texts.map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.contextText) })),
});

function linkBlocks(links: NonNullable<Reply['links']>): Block[] {
  const buttons = links.flatMap((link, index) => {
    const url = safeUrl(link.url);
    if (!url || url.length > SLACK_LIMITS.buttonUrl) return [];
    return [{ type: 'button' as const, action_id: `link_${index}`, url, text: { type: 'plain_text' as const, text: truncate(link.label || url, SLACK_LIMITS.buttonText) } }];
  });
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.actionsElements) });
  }
  return blocks;
}

/**
 * Characters a block contributes toward Slack's 40,000-character message limit: every
 * string in it (texts, URLs, and a little for type names, which keeps the count on the
 * safe side), not the JSON punctuation around them.
 */
export function blockChars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockChars(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + blockChars(item), 0);
  return 0;
}

/**
 * Packs blocks into pages, in order: at most 49 content blocks (the header is the 50th) and
 * a character budget that leaves room for the header and the fallback text. Dividers at
 * a page edge are dropped: they separate sections, not messages.
 */
function paginate(blocks: readonly Block[]): Block[][] {
  const maxBlocks = SLACK_LIMITS.blocksPerMessage - 1;
  const maxChars = SLACK_LIMITS.messageChars - SLACK_LIMITS.headerText - SLACK_LIMITS.fallbackText;
  const pages: Block[][] = [];
  let page: Block[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = blockChars(block);
    if (page.length > 0 && (page.length >= maxBlocks || chars + size > maxChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    if (page.length === 0 && block.type === 'divider') continue;
    page.push(block);
    chars += size;
  }
  if (page.length > 0) pages.push(page);
  for (const p of pages) while (p.at(-1)?.type === 'divider') p.pop();
  return pages.length > 0 ? pages : [[]];
}

/** The first lines of a page as plain text: what a notification or screen reader shows. */
function fallbackText(title: string, blocks: readonly Block[]): string {
  const lines = [escapeMrkdwn(title)];
  for (const block of blocks) {
    if (block.type === 'section' && block.text) lines.push(block.text.text);
    if (lines.join('\n').length > SLACK_LIMITS.fallbackText) break;
  }
  return truncate(lines.join('\n'), SLACK_LIMITS.fallbackText);
}
