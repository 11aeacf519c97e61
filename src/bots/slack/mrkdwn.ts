/**
 * Slack's mrkdwn treats `<…>` as control sequences: `<!channel>` notifies everyone,
 * `<https://evil|bank.com>` draws a link with any label. Text from feeds and users must
 * therefore never reach Slack with a raw `<`, `>` or `&` — Slack asks for exactly these
 * three to be escaped as HTML entities, and nothing else.
 *
 *   escapeMrkdwn('Breaking <!channel> & more') === 'Breaking &lt;!channel&gt; &amp; more'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Only http(s) URLs become links; anything else (javascript:, slack://, junk) stays text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // URL serialisation percent-encodes spaces, `<` and `>`; `|` would end the link target.
  const href = parsed.href.replace(/\|/g, '%7C');
  return href.length <= 1000 ? href : undefined;
}

/**
 * Shortens to at most `max` characters with an ellipsis, never cutting an escape entity
 * (`&amp;`) in half, which Slack would show as a stray `&am`.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const entityStart = text.lastIndexOf('&', cut);
  if (entityStart >= 0 && entityStart > cut - 5 && !text.slice(entityStart, cut).includes(';')) cut = entityStart;
  return `${text.slice(0, cut).trimEnd()}…`;
}
