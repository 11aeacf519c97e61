import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { createCore } from '../../src/core/core.ts';
import type { DeliveryPort } from '../../src/core/delivery/deliveryPort.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import { generateCorpus } from '../corpusGenerator.ts';
import type { Suite } from './index.ts';

const WEEK = 7 * 86_400_000;
const WEEK_START = Date.parse('2024-09-08T00:00:00Z');

const ms = (started: number) => Number((performance.now() - started).toFixed(1));

/**
 * Delivery at scale: a digest over a busy week (`--articles`, capped at 5,000 in the window:
 * a channel's week, not the whole corpus), the scheduler deciding 1,000 channels' digests,
 * and the outbox sender's bookkeeping rate through a port that answers at once (the platform's
 * own latency and rate limits are what bound real delivery; this measures our overhead).
 */
export const digest: Suite = async ({ articles }) => {
  const window = Math.min(articles, 5_000);
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-digest-'));
  const clock = new ManualClock('2024-09-15T06:00:00Z');
  const core = createCore({ dbPath: join(dir, 'digest.db'), clock, logger: silentLogger() });
  try {
    const corpus = generateCorpus(window, { seed: 7 });
    const inWeek = corpus.articles.map((a, i) => ({ ...a, publishedAt: new Date(WEEK_START + Math.floor((i / window) * WEEK)).toISOString() }));
    for (let i = 0; i < inWeek.length; i += 500) core.ingestor.ingestBatch(inWeek.slice(i, i + 500));

    let started = performance.now();
    const built = core.delivery.digests.build({ since: new Date(WEEK_START).toISOString(), until: clock.now().toISOString() });
    const digestMs = ms(started);

    const channels = 1_000;
    for (let i = 0; i < channels; i++) {
      const channel: ChannelRef = { platform: 'web', workspace: 'local', channel: `c${i}` };
      core.delivery.subscriptions.setDigest(channel, '08:00', i % 2 ? 'Europe/Kyiv' : 'America/New_York', '2024-09-01T00:00:00Z', '2024-09-01T00:00:00Z');
    }
    clock.set('2024-09-15T13:00:00Z'); // after 08:00 in both zones
    started = performance.now();
    const due = core.delivery.scheduler.runDue();
    const schedulerMs = ms(started);

    const port: DeliveryPort = { platform: 'web', send: async () => ({ ok: true, messageIds: ['m'] }), edit: async () => ({ ok: true, messageIds: ['m'] }) };
    core.delivery.ports.register(port);
    const sender = new OutboxSender(core.delivery.outbox, core.delivery.ports, clock, silentLogger(), { pacingMs: { slack: 0, discord: 0, web: 0, cli: 0 } });
    started = performance.now();
    while (core.delivery.outbox.counts().pending > 0) await sender.runOnce();
    const sendMs = ms(started);

    return {
      windowArticles: window,
      textSource: corpus.source,
      digestMs,
      stories: built.counts.stories,
      digestsQueued: due.queued.length,
      schedulerMsPer1000Channels: schedulerMs,
      outboxItemsSent: core.delivery.outbox.counts().sent,
      senderItemsPerSec: Math.round((core.delivery.outbox.counts().sent / sendMs) * 1000),
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
