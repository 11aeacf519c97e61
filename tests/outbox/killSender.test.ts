import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/core/outbox/outboxStore.ts';
import { openDatabase, type Db } from '../../src/core/store/database.ts';
import { bundleSenderChild, hardKill, startSender } from './support/childSender.ts';
import { FakePlatform } from './support/fakePlatform.ts';

const KILLS = 52;
const CHANNELS = ['nonce-a', 'nonce-b', 'history-a', 'history-b', 'plain-a', 'plain-b'];
const ITEMS_PER_CHANNEL = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox sender killed with SIGKILL at random points', () => {
  let dir: string;
  let db: Db;
  let platform: FakePlatform;
  let url: string;
  let bundle: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-kill-'));
    db = openDatabase(join(dir, 'kill.db'));
    platform = new FakePlatform({ failRate: 0.15, rateLimitRate: 0.05, maxDelayMs: 12 });
    url = await platform.start();
    bundle = bundleSenderChild();
  });

  afterAll(async () => {
    db.close();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every item, loses none, and re-posts at most the one in flight per kill (none where the platform dedups)', async () => {
    const outbox = new OutboxStore(db);
    const now = new Date().toISOString();
    // Round-robin over the channels, so kills land on every kind of channel.
    for (let i = 0; i < ITEMS_PER_CHANNEL; i++) {
      for (const channel of CHANNELS) {
        outbox.enqueue({ key: `alert:web/local/${channel}:${i}`, channel: { platform: 'web', workspace: 'local', channel }, kind: 'alert', reply: { kind: 'alert', title: `${channel} #${i}`, sections: [] } }, now);
      }
    }
    const total = CHANNELS.length * ITEMS_PER_CHANNEL;

    for (let kill = 0; kill < KILLS; kill++) {
      const child = await startSender(bundle, join(dir, 'kill.db'), url);
      await sleep(Math.random() * 100);
      await hardKill(child);
    }
    const sentBeforeFinalRun = outbox.counts().sent;
    const finalRun = await startSender(bundle, join(dir, 'kill.db'), url);
    for (let waited = 0; outbox.counts().sent < total && waited < 20_000; waited += 50) await sleep(50);
    await hardKill(finalRun);

    const counts = outbox.counts();
    const byKey = platform.postsByKey();
    const extra = (prefix: string) => [...byKey].filter(([key]) => key.includes(`/${prefix}-`)).reduce((sum, [, n]) => sum + n - 1, 0);
    const report = {
      kills: KILLS,
      items: total,
      sentBeforeFinalRun,
      outbox: counts,
      platformPosts: platform.posts.length,
      distinctKeysPosted: byKey.size,
      duplicates: { nonce: extra('nonce'), history: extra('history'), plain: extra('plain') },
      suppressedByNonce: platform.suppressed,
      foundInHistory: platform.historyHits,
    };
    console.log(`kill test: ${JSON.stringify(report)}`);

    expect(counts).toEqual({ pending: 0, sending: 0, sent: total, dead: 0 });
    expect(byKey.size).toBe(total);
    expect(report.duplicates.nonce).toBe(0);
    expect(report.duplicates.history).toBe(0);
    expect(report.duplicates.plain).toBeLessThanOrEqual(KILLS);
    for (const item of outbox.list()) expect(item.messageIds.length).toBeGreaterThan(0);
  }, 120_000);
});
