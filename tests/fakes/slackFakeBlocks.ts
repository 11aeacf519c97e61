/**
 * Slack's Block Kit limits, checked the way Slack checks them: a message that breaks one is
 * refused whole (`invalid_blocks`, `msg_too_long`), so a renderer that overflows fails a test.
 * Also flags what Slack would turn into a mass mention or a link we did not make.
 */
interface AnyBlock {
  type?: string;
  text?: { type?: string; text?: string };
  fields?: { text?: string }[];
  elements?: { type?: string; text?: unknown; url?: string }[];
  block_id?: string;
}

export interface MessageBody {
  text?: string;
  blocks?: unknown;
}

export function blockKitProblem(message: MessageBody, maxBlocks = 50): string | undefined {
  const text = message.text ?? '';
  if (text.length > 40_000) return 'msg_too_long';
  const blocks = typeof message.blocks === 'string' ? (JSON.parse(message.blocks) as unknown) : message.blocks;
  if (blocks === undefined) return text ? undefined : 'no_text';
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > maxBlocks) return 'invalid_blocks: too many blocks';
  for (const block of blocks as AnyBlock[]) {
    const problem = blockProblem(block);
    if (problem) return `invalid_blocks: ${problem}`;
  }
  if (JSON.stringify(blocks).length + text.length > 60_000) return 'msg_too_long';
  return undefined;
}

function blockProblem(block: AnyBlock): string | undefined {
  switch (block.type) {
    case 'header':
      if (block.text?.type !== 'plain_text') return 'header text must be plain_text';
      return (block.text.text ?? '').length > 150 ? 'header longer than 150' : undefined;
    case 'section':
      if (!block.text && !block.fields) return 'section without text or fields';
      if ((block.text?.text ?? '').length > 3000) return 'section text longer than 3000';
      if ((block.fields?.length ?? 0) > 10) return 'more than 10 fields';
      return block.fields?.some((f) => (f.text ?? '').length > 2000) ? 'field longer than 2000' : undefined;
    case 'context':
      if (!block.elements?.length || block.elements.length > 10) return 'context needs 1–10 elements';
      return block.elements.some((e) => typeof e.text === 'string' && e.text.length > 2000) ? 'context text longer than 2000' : undefined;
    case 'actions':
      if (!block.elements?.length || block.elements.length > 25) return 'actions needs 1–25 elements';
      return block.elements.some((e) => ((e.text as { text?: string } | undefined)?.text ?? '').length > 75 || (e.url ?? '').length > 3000) ? 'button text or url too long' : undefined;
    case 'divider':
      return undefined;
    default:
      return `unknown block type ${String(block.type)}`;
  }
}

/** Every mrkdwn string in a message: what Slack parses for mentions and links. */
export function mrkdwnStrings(message: MessageBody): string[] {
  const blocks = (typeof message.blocks === 'string' ? JSON.parse(message.blocks) : message.blocks ?? []) as AnyBlock[];
  const out = [message.text ?? ''];
  for (const block of blocks) {
    if (block.text?.type === 'mrkdwn') out.push(block.text.text ?? '');
    for (const field of block.fields ?? []) out.push(field.text ?? '');
    for (const element of block.elements ?? []) if (element.type === 'mrkdwn' && typeof element.text === 'string') out.push(element.text);
  }
  return out;
}

/** `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam…>`: what would notify people. */
export function massMentions(message: MessageBody): string[] {
  return mrkdwnStrings(message).flatMap((text) => text.match(/<!(channel|here|everyone|subteam)[^>]*>/g) ?? []);
}

/** Every `<target|label>` link Slack would draw. */
export function links(message: MessageBody): { target: string; label: string }[] {
  return mrkdwnStrings(message).flatMap((text) =>
    [...text.matchAll(/<([^<>|]+)(?:\|([^<>]*))?>/g)].map((m) => ({ target: m[1]!, label: m[2] ?? m[1]! })),
  );
}
