import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webChannel } from '../../src/bots/web/webChannel.ts';
import { createWebServer } from '../../src/bots/web/webServer.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { createCore } from '../../src/core/core.ts';
import type { Suite } from './index.ts';

const REQUESTS = 200;
const STREAMS = 50;
const MESSAGES = 20;

const percentile = (sorted: number[], p: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));

async function timeCommands(url: string, text: (i: number) => string): Promise<{ p50Ms: number; p95Ms: number; perSecond: number }> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(new URL('/api/command', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: text(i) }) });
    await response.arrayBuffer();
    times.push(performance.now() - t0);
  }
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), perSecond: Math.round(REQUESTS / total) };
}

/** Opens `count` event streams and resolves a function that waits for the n-th message on all of them. */
async function openStreams(url: string, count: number) {
  const received: number[][] = Array.from({ length: count }, () => []);
  const readers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(new URL('/api/events', url));
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          for (const _frame of value!.split('\n\n').filter((f) => f.includes('event: message'))) received[i]!.push(performance.now());
        }
      })();
      return reader;
    }),
  );
  return { received, close: () => Promise.all(readers.map((r) => r.cancel().catch(() => undefined))) };
}

/**
 * The web chat over loopback: command round trips (search, and a plain question answered by
 * `ask`) one after another, and how long a delivered message takes to reach 50 open pages.
 */
export const web: Suite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-web-'));
  const core = createCore({ dbPath: join(dir, 'web.db') });
  seedCorpus(core);
  const server = createWebServer({ core, host: '127.0.0.1', port: 0, rateLimitPerMinute: 1_000_000, maxBodyBytes: 16_384 });
  const url = await server.listen();
  try {
    const search = await timeCommands(url, (i) => `/brief search ${['Kharkiv', 'ATACMS', 'Storm Shadow', 'Biden pressure'][i % 4]}`);
    const ask = await timeCommands(url, (i) => ['did the US allow strikes near Kharkiv?', 'is the UK sending Storm Shadow?', 'what did Biden say about ATACMS?'][i % 3]!);
    const streams = await openStreams(url, STREAMS);
    while (server.hub.listeners() < STREAMS) await new Promise((r) => setTimeout(r, 10));
    const fanout: number[] = [];
    for (let m = 0; m < MESSAGES; m++) {
      const sentAt = performance.now();
      await server.delivery.send({ key: `bench:${m}`, channel: webChannel(), reply: { kind: 'digest', title: `Digest ${m}`, sections: [{ text: 'x'.repeat(2000) }] } });
      while (streams.received.some((r) => r.length <= m)) await new Promise((r) => setTimeout(r, 1));
      fanout.push(Math.max(...streams.received.map((r) => r[m]!)) - sentAt);
    }
    await streams.close();
    fanout.sort((a, b) => a - b);
    return {
      searchP50Ms: search.p50Ms,
      searchP95Ms: search.p95Ms,
      searchPerSecond: search.perSecond,
      askP50Ms: ask.p50Ms,
      askP95Ms: ask.p95Ms,
      askPerSecond: ask.perSecond,
      [`fanoutTo${STREAMS}PagesP50Ms`]: percentile(fanout, 50),
      [`fanoutTo${STREAMS}PagesP95Ms`]: percentile(fanout, 95),
      requests: REQUESTS,
    };
  } finally {
    await server.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
