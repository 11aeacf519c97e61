/**
 * What a person typed after `/brief`, as plain text for the core grammar. Slack escapes `&`,
 * `<`, `>` as entities and wraps what it recognised in angle brackets:
 *
 *   `ask A &amp; B &lt;3`                    → `ask A & B <3`
 *   `feeds add <https://x.example/rss>`     → `feeds add https://x.example/rss`
 *   `feeds add <https://x.example|x.example>` → `feeds add https://x.example`
 *   `ask what did <@U123|dana> say in <#C9|policy>?` → `ask what did @dana say in #policy?`
 *
 * Brackets are resolved first, entities last, so an escaped `&lt;@U1&gt;` stays literal text.
 */
export function commandText(slackText: string): string {
  const resolved = slackText.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${(label ?? target.slice(1)).replace(/^subteam\^\w+$/, 'group')}`;
    return target; // a link: keep the URL, not its label
  });
  return resolved.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
