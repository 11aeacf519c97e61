import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { DEFAULT_HEALTH_POLICY, retryDelayMs, shouldPause } from '../../src/core/feedRegistry/feedHealth.ts';
import { feedView } from '../../src/core/feedRegistry/feedView.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { item, ScriptedFeedSource } from './support/fakeFeedSource.ts';

const URL_A = 'https://news.example.org/world.xml';
let temp: TempCore | undefined;
afterEach(() => temp?.cleanup());

describe('feed health', () => {
  it('backs off exponentially while a feed fails, with jitter, capped', () => {
    const delays = [1, 2, 3, 4, 10, 30].map((n) => retryDelayMs(n, DEFAULT_HEALTH_POLICY, () => 0.5));
    expect(delays.slice(0, 4)).toEqual([300_000, 600_000, 1_200_000, 2_400_000]);
    expect(delays[5]).toBe(DEFAULT_HEALTH_POLICY.maxBackoffMs);
    expect(retryDelayMs(1, DEFAULT_HEALTH_POLICY, () => 0)).toBe(240_000);
    expect(retryDelayMs(1, DEFAULT_HEALTH_POLICY, () => 0.5, 3_600_000)).toBe(3_600_000);
  });

  it('pauses after 8 failures or a whole day of failing', () => {
    const since = new Date('2024-09-14T00:00:00Z');
    expect(shouldPause(7, since, new Date('2024-09-14T05:00:00Z'), DEFAULT_HEALTH_POLICY)).toBe(false);
    expect(shouldPause(8, since, new Date('2024-09-14T05:00:00Z'), DEFAULT_HEALTH_POLICY)).toBe(true);
    expect(shouldPause(3, since, new Date('2024-09-15T00:00:00Z'), DEFAULT_HEALTH_POLICY)).toBe(true);
  });

  it('marks an unreachable feed failing since the first failure, with the error in plain words, then pauses it', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    temp = tempCore({ clock });
    const { core } = temp;
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.fail(URL_A, { code: 'feeds/timeout', message: 'timed out after 20 s' });
    const poller = new FeedPoller(core.feeds, source, silentLogger(), 2);
    const [first] = (await poller.cycle())!;
    expect(first).toMatchObject({ status: 'failed', health: 'failing', error: { message: 'timed out after 20 s' } });
    let view = feedView(core.feeds.find(URL_A)!, clock.now());
    expect(view).toMatchObject({ status: 'failing', failingSince: '2024-09-14T12:00:00.000Z', consecutiveFailures: 1 });
    expect(view.health).toContain('timed out after 20 s');

    // Not due again until its backoff has passed.
    expect(await poller.cycle()).toEqual([]);
    for (let n = 2; n <= 8; n++) {
      clock.advance(13 * 3600_000);
      await poller.cycle();
      if (core.feeds.find(URL_A)!.pausedAt) break;
    }
    view = feedView(core.feeds.find(URL_A)!, clock.now());
    expect(view.status).toBe('paused');
    expect(view.health).toMatch(/^paused after \d failures: timed out after 20 s/);

    // Paused feeds are not polled; adding it again resumes it, and a success clears the failure.
    clock.advance(24 * 3600_000);
    expect(await poller.cycle()).toEqual([]);
    expect(core.feeds.add(URL_A)).toMatchObject({ ok: true, value: { resumed: true } });
    source.items(URL_A, 'World', [item(1)]);
    const [recovered] = (await poller.cycle())!;
    expect(recovered).toMatchObject({ status: 'new', health: 'ok' });
    expect(feedView(core.feeds.find(URL_A)!, clock.now())).toMatchObject({ status: 'ok', failingSince: null, lastError: null, itemCount: 1 });
  });

  it('waits as long as the server asked with Retry-After', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    temp = tempCore({ clock });
    const source = new ScriptedFeedSource();
    temp.core.feeds.add(URL_A);
    source.fail(URL_A, { code: 'feeds/rate-limited', message: 'too many requests (HTTP 429)', retryAfterMs: 6 * 3600_000 });
    await new FeedPoller(temp.core.feeds, source, silentLogger(), 2).cycle();
    expect(temp.core.feeds.find(URL_A)!.nextPollAt).toBe('2024-09-14T18:00:00.000Z');
  });

  it('loads the default feed list once: a removed default does not come back', () => {
    temp = tempCore();
    const defaults = [{ url: 'https://a.example/rss' }, { url: 'https://b.example/rss' }];
    expect(temp.core.feeds.seedDefaults(defaults)).toBe(2);
    temp.core.feeds.remove('https://a.example/rss');
    expect(temp.core.feeds.seedDefaults(defaults)).toBe(0);
    expect(temp.core.feeds.list().map((f) => f.url)).toEqual(['https://b.example/rss']);
  });

  it('never runs two cycles at once', async () => {
    temp = tempCore();
    temp.core.feeds.add(URL_A);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = new ScriptedFeedSource();
    source.items(URL_A, 'World', []);
    const slow = { fetch: async (url: string) => (await gate, source.fetch(url)) };
    const poller = new FeedPoller(temp.core.feeds, slow, silentLogger(), 2);
    const first = poller.cycle();
    expect(await poller.cycle()).toBeUndefined();
    release();
    expect(await first).toHaveLength(1);
  });
});
