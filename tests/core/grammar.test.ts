import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/grammar.ts';

const parsed = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const failure = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
};

describe('the /brief grammar', () => {
  it('parses every subcommand of DESIGN.md into a typed command', () => {
    expect(parsed('/brief ask did the US allow ATACMS strikes inside Russia?')).toEqual({ name: 'ask', question: 'did the US allow ATACMS strikes inside Russia?' });
    expect(parsed('digest')).toEqual({ name: 'digest', window: 'since-last' });
    expect(parsed('digest week')).toEqual({ name: 'digest', window: 'week' });
    expect(parsed('status us-long-range')).toEqual({ name: 'status', policy: 'us-long-range' });
    expect(parsed('timeline')).toEqual({ name: 'timeline' });
    expect(parsed('search Storm Shadow')).toEqual({ name: 'search', query: 'Storm Shadow' });
    expect(parsed('topics add kursk Kursk AND ATACMS')).toEqual({ name: 'topics', action: 'add', topic: 'kursk', query: 'Kursk AND ATACMS' });
    expect(parsed('topics remove kursk')).toEqual({ name: 'topics', action: 'remove', topic: 'kursk' });
    expect(parsed('feeds add <https://example.com/rss|example.com/rss>')).toEqual({ name: 'feeds', action: 'add', url: 'https://example.com/rss' });
    expect(parsed('subscribe digest 8:30 Europe/Kyiv')).toEqual({ name: 'subscribe', kind: 'digest', time: '08:30', zone: 'Europe/Kyiv' });
    expect(parsed('subscribe alerts')).toEqual({ name: 'subscribe', kind: 'alerts' });
    expect(parsed('unsubscribe alerts long-range-strikes')).toEqual({ name: 'unsubscribe', kind: 'alerts', target: 'long-range-strikes' });
    expect(parsed('preview alert')).toEqual({ name: 'preview', what: 'alert' });
    expect(parsed('')).toEqual({ name: 'help' });
    expect(parsed('help ask')).toEqual({ name: 'help', topic: 'ask' });
  });

  it('reads a command pasted with zero-width characters as the command', () => {
    expect(parsed('/brief\u200bstatus')).toEqual({ name: 'status' });
    expect(parsed('\ufeff/brief ask did\u200d the US allow it?')).toMatchObject({ name: 'ask' });
  });

  it('answers an unknown subcommand with the overview, not silence', () => {
    const error = failure('/brief frobnicate now');
    expect(error.code).toBe('commands/unknown-subcommand');
    expect(error.message).toContain('"frobnicate" is not a /brief command');
    expect(error.usage).toContain('ask');
  });

  it('names the problem and the usage line for bad arguments', () => {
    expect(failure('subscribe digest 25:00 Europe/Kyiv')).toMatchObject({ code: 'commands/bad-time', usage: expect.stringContaining('HH:MM') });
    expect(failure('subscribe digest 08:00 Mars/Olympus')).toMatchObject({ code: 'commands/bad-zone', message: expect.stringContaining('IANA') });
    expect(failure('feeds add ftp://example.com/x').code).toBe('commands/bad-argument');
    expect(failure('ask').code).toBe('commands/missing-argument');
    expect(failure('digest yesterday').message).toContain('today or week');
    expect(failure('topics add Bad!Name x').code).toBe('commands/bad-argument');
  });
});
