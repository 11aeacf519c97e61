import { describe, expect, it } from 'vitest';
import { interactionInput, type ChosenCommand } from '../../src/bots/discord/interactionCommand.ts';
import { parseCommand } from '../../src/core/commands/grammar.ts';

const chosen = (path: string, options: Record<string, string> = {}, root = 'brief'): ChosenCommand => {
  const [first, second] = path.split(' ');
  return { root, group: second ? first! : null, subcommand: second ?? first!, option: (name) => options[name] ?? null };
};
/** What the core ends up with: typed input as is, text through the shared grammar. */
const command = (c: ChosenCommand) => {
  const input = interactionInput(c);
  return typeof input === 'string' ? parseCommand(input) : { ok: true as const, value: input };
};

describe('Discord options become the core Command', () => {
  it.each([
    ['ask', { question: '  did the US allow ATACMS?  ' }, { name: 'ask', question: 'did the US allow ATACMS?' }],
    ['search', { query: 'Storm Shadow' }, { name: 'search', query: 'Storm Shadow' }],
    ['digest', {}, { name: 'digest', window: 'since-last' }],
    ['digest', { window: 'week' }, { name: 'digest', window: 'week' }],
    ['status', { policy: 'us' }, { name: 'status', policy: 'us' }],
    ['timeline', {}, { name: 'timeline' }],
    ['preview', { what: 'alert' }, { name: 'preview', what: 'alert' }],
    ['help', { command: 'subscribe' }, { name: 'help', topic: 'subscribe' }],
    ['topics list', {}, { name: 'topics', action: 'list' }],
    ['feeds list', {}, { name: 'feeds', action: 'list' }],
    ['feeds check', { url: 'https://example.com/rss' }, { name: 'feeds', action: 'check', url: 'https://example.com/rss' }],
    ['topics add', { name: 'long-range', query: '(ATACMS OR "Storm Shadow") AND Russia -Crimea' }, { name: 'topics', action: 'add', topic: 'long-range', query: '(ATACMS OR "Storm Shadow") AND Russia -Crimea' }],
    ['topics remove', { name: 'long-range' }, { name: 'topics', action: 'remove', topic: 'long-range' }],
    ['feeds add', { url: 'https://example.com/rss' }, { name: 'feeds', action: 'add', url: 'https://example.com/rss' }],
    ['subscribe digest', { time: '8:05', zone: 'Europe/Kyiv' }, { name: 'subscribe', kind: 'digest', time: '08:05', zone: 'Europe/Kyiv' }],
    ['subscribe alerts', { target: 'us' }, { name: 'subscribe', kind: 'alerts', target: 'us' }],
    ['unsubscribe digest', {}, { name: 'unsubscribe', kind: 'digest' }],
    ['unsubscribe alerts', {}, { name: 'unsubscribe', kind: 'alerts' }],
  ])('/brief %s %j → %j', (path, options, expected) => {
    expect(command(chosen(path, options))).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['subscribe digest', { time: '25:00', zone: 'Europe/Kyiv' }, 'commands/bad-time'],
    ['subscribe digest', { time: '08:00', zone: 'Mars/Olympus' }, 'commands/bad-zone'],
    ['topics add', { name: 'long range', query: 'ATACMS' }, 'commands/bad-argument'],
    ['feeds add', { url: 'ftp://example.com/feed' }, 'commands/bad-argument'],
    ['ask', { question: '   ' }, 'commands/missing-argument'],
  ])('GIVEN /brief %s %j THEN the core grammar refuses it (%s), as on every platform', (path, options, code) => {
    const result = command(chosen(path, options));
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  });

  it('GIVEN an id with spaces THEN it stays one word, so no other topic or target is touched', () => {
    expect(command(chosen('topics remove', { name: 'long range' }))).toEqual({ ok: true, value: { name: 'topics', action: 'remove', topic: 'long·range' } });
    expect(command(chosen('subscribe alerts', { target: 'us extra' }))).toEqual({ ok: true, value: { name: 'subscribe', kind: 'alerts', target: 'us·extra' } });
  });

  it('GIVEN a subcommand an older registration still shows THEN the core names it as unknown', () => {
    const result = command(chosen('frobnicate'));
    expect(result.ok ? 'accepted' : result.error.code).toBe('commands/unknown-subcommand');
  });
});
