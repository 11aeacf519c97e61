import { describe, expect, it } from 'vitest';
import type { Reply, Source } from '../../src/core/reply.ts';
import { blockChars, renderReply, SLACK_LIMITS } from '../../src/bots/slack/render.ts';
import { blockKitProblem, links, massMentions } from '../fakes/slackFakeBlocks.ts';

const source = (i: number): Source => ({ outlet: `Outlet ${i}`, title: `Story ${i}`, url: `https://news.example/${i}`, publishedAt: '2024-09-13T10:00:00Z' });
const withSources = (count: number): Reply => ({ kind: 'digest', title: 'Digest', sections: [{ sources: Array.from({ length: count }, (_, i) => source(i)) }] });
const blocksOf = (reply: Reply) => renderReply(reply).map((m) => m.blocks);

describe('Slack rendering of a Reply', () => {
  it('renders an answer as header, quote, and a context line per source (outlet · date · link)', () => {
    const [message, ...rest] = renderReply({
      kind: 'answer',
      title: 'Did the US allow ATACMS strikes?',
      sections: [{ text: 'Yes, in part.', quotes: [{ text: 'The US has given permission.', sources: [source(1)] }] }],
      footer: 'As of 2024-11-18',
    });
    expect(rest).toEqual([]);
    expect(message!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'context']);
    expect(JSON.stringify(message!.blocks[2])).toContain('>“The US has given permission.”');
    expect(JSON.stringify(message!.blocks[3])).toContain('Outlet 1 · 2024-09-13 · <https://news.example/1|Story 1>');
    expect(message!.text).toContain('Did the US allow ATACMS strikes?');
    expect(blockKitProblem(message!)).toBeUndefined();
  });

  it('keeps article and user text inert: no mass mention, no forged link, in blocks or fallback', () => {
    const evil = 'Breaking <!channel> <!here|here> <https://phish.example|bank.com> & <@U123>';
    const messages = renderReply({
      kind: 'digest',
      title: `Title ${evil}`,
      sections: [{ heading: evil, text: evil, quotes: [{ text: evil, sources: [{ outlet: evil, title: evil, url: 'https://ok.example/a' }] }], fields: [{ name: evil, value: evil }] }],
      links: [{ label: evil, url: 'javascript:alert(1)' }],
      footer: evil,
    });
    for (const message of messages) {
      expect(massMentions(message)).toEqual([]);
      expect(links(message).map((l) => l.target)).toEqual(['https://ok.example/a']);
      expect(message.text).toContain('&lt;!channel&gt;');
    }
  });

  it('turns only http(s) URLs into links and drops link buttons with other schemes', () => {
    const [message] = renderReply({ kind: 'info', title: 't', sections: [{ sources: [{ outlet: 'X', title: 'T', url: 'javascript:alert(1)' }] }], links: [{ label: 'bad', url: 'slack://open' }, { label: 'good', url: 'https://a.example/x|y' }] });
    const json = JSON.stringify(message!.blocks);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('slack://');
    expect(json).toContain('https://a.example/x%7Cy');
  });

  it('fits 49 content blocks and the header into exactly one message of 50 blocks', () => {
    const pages = blocksOf(withSources(49 * SLACK_LIMITS.contextElements));
    expect(pages.map((p) => p.length)).toEqual([50]);
  });

  it('moves the 50th content block into a second message, in order, each with its own header', () => {
    const messages = renderReply(withSources(50 * SLACK_LIMITS.contextElements));
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 2]);
    expect(messages.map((m) => (m.blocks[0] as { text: { text: string } }).text.text)).toEqual(['Digest (1/2)', 'Digest (2/2)']);
    const order = messages.flatMap((m) => m.blocks.slice(1).flatMap((b) => JSON.stringify(b).match(/Outlet \d+/g) ?? []));
    expect(order).toEqual(Array.from({ length: 500 }, (_, i) => `Outlet ${i}`));
    for (const message of messages) expect(blockKitProblem(message)).toBeUndefined();
  });

  it('keeps a section of exactly 3,000 characters whole and splits one of 3,001 without losing text', () => {
    const exact = renderReply({ kind: 'info', title: 't', sections: [{ text: 'a'.repeat(3000) }] })[0]!;
    expect(exact.blocks).toHaveLength(2);
    const over = renderReply({ kind: 'info', title: 't', sections: [{ text: `${'word '.repeat(600)}x` }] })[0]!;
    const texts = over.blocks.slice(1).map((b) => (b as { text: { text: string } }).text.text);
    expect(texts.length).toBe(2);
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(`${'word '.repeat(600)}x`.replace(/\s+/g, ' '));
  });

  it('never cuts an escaped & in half when a long text splits', () => {
    const [message] = renderReply({ kind: 'info', title: 't', sections: [{ text: '&'.repeat(1000) }] });
    const texts = message!.blocks.slice(1).map((b) => (b as { text: { text: string } }).text.text);
    expect(texts.join('')).toBe('&amp;'.repeat(1000));
    expect(texts.every((t) => t.length <= 3000 && /^(&amp;)+$/.test(t))).toBe(true);
  });

  it('keeps a 150-character title and shortens a 151-character one to the 150 limit', () => {
    const header = (title: string) => (renderReply({ kind: 'info', title, sections: [] })[0]!.blocks[0] as { text: { text: string } }).text.text;
    expect(header('h'.repeat(150))).toBe('h'.repeat(150));
    expect(header('h'.repeat(151))).toHaveLength(150);
    expect(header('h'.repeat(151)).endsWith('…')).toBe(true);
  });

  it('splits by characters when blocks are few but long, staying under 40,000 per message', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({ heading: `Story ${i}`, text: `${i} `.padEnd(2900, 'z') }));
    const messages = renderReply({ kind: 'digest', title: 'Long digest', sections: long });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(blockChars(message.blocks) + message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
      expect(blockKitProblem(message)).toBeUndefined();
      expect(message.blocks.at(-1)?.type).not.toBe('divider');
    }
  });

  it('groups more than ten fields or sources into several blocks Slack accepts', () => {
    const [message] = renderReply({ kind: 'info', title: 'help', sections: [{ fields: Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: 'v' })), sources: Array.from({ length: 11 }, (_, i) => source(i)) }] });
    expect(message!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'context']);
    expect(blockKitProblem(message!)).toBeUndefined();
  });

  it('always gives a fallback text, even for a reply without sections', () => {
    const [message] = renderReply({ kind: 'info', title: '', sections: [] });
    expect(message!.text.length).toBeGreaterThan(0);
    expect(blockKitProblem(message!)).toBeUndefined();
  });

  it('keeps a source line with a huge outlet, title and URL one whole link inside the 2,000-character limit', () => {
    const huge = { outlet: '&'.repeat(1000), title: '<'.repeat(1000), url: `https://a.example/${'p'.repeat(980)}`, publishedAt: '2024-09-13' };
    const [message] = renderReply({ kind: 'digest', title: 't', sections: [{ sources: [huge] }] });
    const line = (message!.blocks[1] as { elements: { text: string }[] }).elements[0]!.text;
    expect(line.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    expect(links(message!)).toHaveLength(1);
    expect(line.endsWith('>')).toBe(true);
    expect(blockKitProblem(message!)).toBeUndefined();
  });
});
