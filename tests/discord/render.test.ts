import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_COLOURS, renderReply } from '../../src/bots/discord/render.ts';
import type { Reply, ReplySection } from '../../src/core/reply.ts';
import { embedProblems, pingsOf } from './support/discordRules.ts';

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
const allText = (messages: ReturnType<typeof renderReply>) =>
  messages.flatMap((m) => (m.embeds as Embed[]).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])).join('\n');

/** A digest the size of a busy week: 40 stories, each with a long summary and two quotes. */
function bigDigest(): Reply {
  const sections: ReplySection[] = Array.from({ length: 40 }, (_, i) => ({
    heading: `Story ${i + 1}: officials weigh the next step`,
    text: `Summary ${i + 1}. ${'Officials described the deliberations at length. '.repeat(12)}`,
    quotes: [
      { text: `Quote ${i + 1}a: "We are working that out right now," he said.`, sources: [{ outlet: 'Fox News', title: 'Mounting pressure', url: `https://news.example/${i}/a`, publishedAt: '2024-09-12' }] },
      { text: `Quote ${i + 1}b: the decision is close.`, sources: [{ outlet: 'Politico', url: `https://news.example/${i}/b`, publishedAt: '2024-09-13T10:00:00Z' }] },
    ],
  }));
  return { kind: 'digest', title: 'This week: long-range strikes inside Russia', sections, footer: '40 stories from 2 outlets' };
}

describe('rendering a Reply as Discord embeds', () => {
  it('GIVEN an answer THEN one blue message: the title, the quote, and each source as a link with outlet and date', () => {
    const [message, ...rest] = renderReply({
      kind: 'answer',
      title: 'Did the US allow ATACMS strikes inside Russia?',
      sections: [{ quotes: [{ text: 'Biden has authorized Ukraine to use ATACMS inside Russia.', sources: [{ outlet: 'Reuters', title: 'US lifts ban', url: 'https://news.example/lift', publishedAt: '2024-11-17' }] }] }],
      footer: 'As of 2024-11-17',
    });
    expect(rest).toEqual([]);
    const embed = message!.embeds[0]!;
    expect(embed.color).toBe(KIND_COLOURS.answer);
    expect(embed.title).toBe('Did the US allow ATACMS strikes inside Russia?');
    expect(embed.description).toBe('> “Biden has authorized Ukraine to use ATACMS inside Russia.”\n— [Reuters — US lifts ban](https://news.example/lift) · 2024-11-17');
    expect(embed.footer?.text).toBe('As of 2024-11-17');
  });

  it('colours alerts, digests and answers differently', () => {
    const colour = (kind: Reply['kind']) => renderReply({ kind, title: 't', sections: [] })[0]!.embeds[0]!.color;
    expect(new Set([colour('alert'), colour('digest'), colour('answer')]).size).toBe(3);
  });

  it('GIVEN a digest above every embed limit THEN it becomes several valid messages, in order, losing nothing', () => {
    const messages = renderReply(bigDigest());
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(embedProblems({ ...message })).toEqual([]);
    const text = allText(messages);
    const positions = Array.from({ length: 40 }, (_, i) => text.indexOf(`Story ${i + 1}:`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('Quote 40b');
    expect((messages.at(-1)!.embeds.at(-1) as Embed).footer?.text).toBe('40 stories from 2 outlets');
  });

  it('GIVEN more than 25 fields or over-long names THEN fields spill into another embed and are cut with an ellipsis', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i} ${'n'.repeat(300)}`, value: 'v'.repeat(2000) }));
    const messages = renderReply({ kind: 'info', title: 'T'.repeat(300), sections: [{ fields }] });
    for (const message of messages) expect(embedProblems({ ...message })).toEqual([]);
    const first = messages[0]!.embeds[0] as Embed;
    expect(first.title).toHaveLength(256);
    expect(first.title!.endsWith('…')).toBe(true);
    expect(messages.flatMap((m) => m.embeds).reduce((n, e) => n + (e.fields?.length ?? 0), 0)).toBe(30);
  });

  it('GIVEN article text with @everyone, @here and a role mention THEN the message pings no one', () => {
    const [message] = renderReply({ kind: 'alert', title: 'Policy changed @everyone', sections: [{ text: '@everyone @here <@&123456789012> read this' }] });
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(pingsOf({ ...message })).toEqual({ everyone: false, roles: [], users: [] });
  });

  it('GIVEN a channel alert role THEN only policy alerts ping that role, and only in their first message', () => {
    const alert = renderReply({ kind: 'alert', title: 'US permits strikes', sections: [{ text: '@everyone' }] }, { alertRoleId: '987654321098765432' });
    expect(alert[0]!.content).toBe('<@&987654321098765432>');
    expect(pingsOf({ ...alert[0]! })).toEqual({ everyone: false, roles: ['987654321098765432'], users: [] });
    const digest = renderReply(bigDigest(), { alertRoleId: '987654321098765432' });
    expect(digest.every((m) => m.content === undefined && pingsOf({ ...m }).roles.length === 0)).toBe(true);
  });

  it('GIVEN Markdown or a disguised link in article text THEN it is shown literally, not as formatting', () => {
    const [message] = renderReply({ kind: 'answer', title: 't', sections: [{ text: '**loud** [bbc.com](https://evil.example) # heading' }] });
    const description = message!.embeds[0]!.description!;
    // Discord shows "\[x\](y)" as the literal text "[x](y)": no link, no emphasis.
    expect(description).toContain('\\[bbc.com\\](https://evil.example)');
    expect(description).not.toMatch(/(^|[^\\])[[\]*]/);
    expect(description).toContain('\\*\\*loud\\*\\*');
  });

  it('GIVEN a mention, a heading or a list in article text THEN it shows as typed, not as Discord syntax', () => {
    const [message] = renderReply({ kind: 'answer', title: 't', sections: [{ text: '# Breaking\n- one\n1. two\n<@&123456789012> ||spoiler|| see https://news.example/a_b_c' }] });
    expect(message!.embeds[0]!.description).toBe('\\# Breaking\n\\- one\n1\\. two\n\\<@&123456789012> \\|\\|spoiler\\|\\| see https://news.example/a_b_c');
  });

  it('GIVEN a 200,000-character article with no line break THEN it still renders into valid messages (escaping is linear)', () => {
    const messages = renderReply({ kind: 'digest', title: 'Long', sections: [{ text: 'Officials_described *the* deliberations at length. '.repeat(4000) }] });
    expect(messages.length).toBeGreaterThan(30);
    for (const message of messages) expect(embedProblems({ ...message })).toEqual([]);
  });

  it('any Reply, however long, renders to messages Discord accepts', () => {
    const text = fc.string({ maxLength: 6000, unit: 'grapheme' });
    const section = fc.record({
      heading: fc.option(fc.string({ maxLength: 400 }), { nil: undefined }),
      text: fc.option(text, { nil: undefined }),
      fields: fc.option(fc.array(fc.record({ name: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 1500 }) }), { maxLength: 30 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 12 }), fc.string({ maxLength: 300 }), (sections, title) => {
        const messages = renderReply({ kind: 'digest', title, sections, footer: 'f' });
        return messages.length > 0 && messages.every((m) => embedProblems({ ...m }).length === 0);
      }),
      { numRuns: 150 },
    );
  });
});
