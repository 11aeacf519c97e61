import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import type { CommandContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { createCore } from '../../src/core/core.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { topicTestReply } from '../../src/core/commands/handlers/topics.ts';

const news: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C-news' };
const other: ChannelRef = { platform: 'discord', workspace: 'G1', channel: 'C-other' };
const admin = (temp: TempCore, channel: ChannelRef): CommandContext => ({ core: temp.core, channel, user: { id: 'u1', isAdmin: true } });

describe('per-channel topics', () => {
  let temp: TempCore;
  beforeEach(() => {
    temp = tempCore({ seed: true });
  });
  afterEach(() => temp.cleanup());

  it('says a previewed query cannot be read, not that a topic was not saved (a preview saves nothing)', () => {
    const reply = topicTestReply(temp.core, '"unclosed');
    expect(reply.kind).toBe('error');
    expect(reply.title).toBe('That query cannot be read');
  });

  it('GIVEN the bundled corpus THEN every seed article is recorded as matching long-range-strikes', () => {
    const articles = temp.core.articles.list();
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      expect(temp.core.topics.matchesFor(article.id).map((m) => m.topic)).toContain('long-range-strikes');
      expect(temp.core.topics.channelMatches(article.id, news)).toContain('long-range-strikes');
    }
  });

  it('a channel follows the defaults until it changes its topics, then keeps its own list', async () => {
    expect(temp.core.topics.forChannel(news).source).toBe('defaults');
    const added = await runCommand('topics add strikes ATACMS OR "Storm Shadow"', admin(temp, news));
    expect(added.kind).toBe('info');
    expect(added.data).toMatchObject({ topic: { id: 'strikes' }, replaced: false, matched: 2 });
    const removed = await runCommand('topics remove long-range-strikes', admin(temp, news));
    expect(removed.title).toBe('Topic long-range-strikes removed');

    const mine = temp.core.topics.forChannel(news);
    expect(mine.source).toBe('channel');
    expect(mine.topics.map((t) => t.topic)).toEqual(['ukraine-war', 'us-aid-ukraine', 'strikes']);
    // Another channel is untouched: still the defaults, long-range-strikes included.
    expect(temp.core.topics.forChannel(other).topics.map((t) => t.topic)).toContain('long-range-strikes');
    const listed = await runCommand('topics list', admin(temp, other));
    expect(listed.title).toBe('This channel follows the 3 default topics');
  });

  it('records matches of new articles at ingest, and reports them', () => {
    temp.core.topics.add(news, 'kursk', 'Kursk incursion*');
    const report = temp.core.ingestor.ingest({ title: 'Ukraine’s Kursk incursion enters its second week', text: 'Ukrainian troops pressed on in the Kursk region of Russia on Monday, officials said.', publishedAt: '2024-09-14T08:00:00Z' });
    expect(report.status).toBe('new');
    expect(report.topics).toEqual(['kursk', 'ukraine-war']);
    expect(temp.core.topics.channelMatches(report.id!, news)).toEqual(['ukraine-war', 'kursk']);
    expect(temp.core.topics.channelMatches(report.id!, other)).toEqual(['ukraine-war']);
    const window = { since: '2024-09-14T00:00:00Z', until: '2024-09-15T00:00:00Z' };
    expect(temp.core.topics.articlesFor(news, window).map((a) => a.id)).toEqual([report.id]);
  });

  it('refuses a malformed query with where it went wrong, and saves nothing', async () => {
    const reply = await runCommand('topics add strikes ATACMS AND "Storm Shadow', admin(temp, news));
    expect(reply.kind).toBe('error');
    expect(reply.sections[0]?.text).toContain('unclosed quote at column 12');
    expect(reply.data).toMatchObject({ code: 'topics/unclosed-quote', column: 12 });
    expect(temp.core.topics.forChannel(news).source).toBe('defaults');
  });

  it('says so when removing a topic the channel does not follow', async () => {
    const reply = await runCommand('topics remove nothing-like-it', admin(temp, news));
    expect(reply.kind).toBe('error');
    expect(reply.data).toMatchObject({ code: 'topics/unknown' });
  });

  it('previews which stored articles a query matches, newest first, without saving', () => {
    const preview = temp.core.topics.test('Kharkiv OR Kyiv', 10);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const dates = preview.value.articles.map((a) => a.publishedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(preview.value.scanned).toBe(5);
    expect(temp.core.topics.forChannel(news).source).toBe('defaults');
  });

  it('picks up topics another process added to the same database (the CLI while the bot runs)', () => {
    const bot = createCore({ dbPath: temp.dbPath, clock: new ManualClock('2024-09-14T12:00:00Z') });
    try {
      const added = temp.core.topics.add(news, 'kursk', 'Kursk incursion*');
      expect(added.ok).toBe(true);
      const report = bot.ingestor.ingest({ title: 'The Kursk incursion, week two', text: 'Ukrainian troops pressed on in the Kursk region on Monday.' });
      expect(report.topics).toContain('kursk');
      expect(bot.topics.matchesFor(report.id!).map((m) => m.topic)).toContain('kursk');
    } finally {
      bot.close();
    }
  });
});
