import { collapseWhitespace } from '../core/text/collapseWhitespace.ts';

/**
 * rss-parser hands back what xml2js built: usually a string, but an element with attributes
 * becomes `{ _: text, $: attrs }` and an element with children (Atom `type="xhtml"`, or
 * unescaped HTML in a title) an object of child arrays. This reads the text of any of those
 * without throwing; child order within mixed content is not kept by xml2js, words are.
 */
export function textOf(value: unknown, depth = 0): string | undefined {
  if (value === undefined || value === null || depth > 20) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((v) => textOf(v, depth + 1) ?? '').join(' ');
  if (typeof value !== 'object') return undefined;
  const node = value as Record<string, unknown> & { _?: unknown; $?: { href?: unknown } };
  if (typeof node.$?.href === 'string' && typeof node._ !== 'string') return node.$.href;
  const parts = [typeof node._ === 'string' ? node._ : ''];
  for (const [key, child] of Object.entries(node)) if (key !== '_' && key !== '$') parts.push(textOf(child, depth + 1) ?? '');
  const text = collapseWhitespace(parts.join(' '));
  return text || undefined;
}

/** A title element as xml2js kept it; Atom 0.3 `mode="base64"` content is decoded. */
export function titleText(node: unknown): string | undefined {
  const first = Array.isArray(node) ? (node[0] as unknown) : node;
  if (!first || typeof first !== 'object') return textOf(first);
  const element = first as { _?: unknown; $?: { mode?: unknown } };
  if (element.$?.mode === 'base64' && typeof element._ === 'string') return Buffer.from(element._, 'base64').toString('utf8');
  return textOf(first);
}
