import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { startPollSchedule, type PollSchedule } from '../../src/feeds/pollSchedule.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { ScriptedFeedSource } from './support/fakeFeedSource.ts';

let temp: TempCore | undefined;
let schedule: PollSchedule | undefined;
afterEach(async () => {
  await schedule?.stop();
  temp?.cleanup();
});

describe('the polling schedule (node-cron)', () => {
  it('starts cycles on the cron expression and never runs two at once, even when a cycle is slower than the interval', async () => {
    temp = tempCore();
    temp.core.feeds.add('https://slow.example/rss');
    const scripted = new ScriptedFeedSource();
    scripted.items('https://slow.example/rss', 'Slow', []);
    let running = 0;
    let maxRunning = 0;
    let fetches = 0;
    const slow = {
      async fetch(url: string) {
        running += 1;
        fetches += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        running -= 1;
        return scripted.fetch(url);
      },
    };
    const poller = new FeedPoller(temp.core.feeds, slow, silentLogger(), 4);
    // Every second, no jitter: a 1.5 s cycle overlaps the next tick unless the schedule prevents it.
    schedule = startPollSchedule(poller, { cron: '* * * * * *', maxJitterMs: 0, logger: silentLogger() });
    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect(fetches).toBeGreaterThanOrEqual(1);
    expect(maxRunning).toBe(1);
  });
});
