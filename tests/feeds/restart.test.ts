import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { createCore, type Core } from '../../src/core/core.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { FeedPoller } from '../../src/feeds/feedPoller.ts';
import { item, ScriptedFeedSource } from './support/fakeFeedSource.ts';

const URL_A = 'https://news.example.org/world.xml';
const dirs: string[] = [];

/** A core on a real SQLite file that records, per stored article, whether it was quiet. */
function open(dbPath: string, clock: ManualClock): { core: Core; quiet: Map<number, boolean> } {
  const core = createCore({ dbPath, clock });
  const quiet = new Map<number, boolean>();
  core.ingestor.addStage({ name: 'alert-probe', run: (article, context) => (quiet.set(article.id, context.quiet), {}) });
  return { core, quiet };
}

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-feeds-'));
  dirs.push(dir);
  return join(dir, 'test.db');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const poll = (core: Core, source: ScriptedFeedSource) => new FeedPoller(core.feeds, source, silentLogger(), 4).cycle();

describe('polling across a restart', () => {
  it('stores a new feed’s first items quietly (no backfill flood), and later items loudly', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core, quiet } = open(tempDb(), clock);
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1), item(2), item(3)]);
    const [first] = (await poll(core, source))!;
    expect(first).toMatchObject({ status: 'new', firstPoll: true, counts: { new: 3 } });
    expect([...quiet.values()]).toEqual([true, true, true]);

    quiet.clear();
    source.items(URL_A, 'World', [item(4), item(1), item(2), item(3)]);
    const [second] = (await poll(core, source))!;
    expect(second).toMatchObject({ status: 'new', firstPoll: false, counts: { new: 1, unchanged: 3 } });
    expect([...quiet.values()]).toEqual([false]);
    core.close();
  });

  it('creates zero new articles when the same feed is polled again after a restart', async () => {
    const dbPath = tempDb();
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const source = new ScriptedFeedSource();
    source.items(URL_A, 'World', [item(1), item(2), item(3)]);
    const before = open(dbPath, clock);
    before.core.feeds.add(URL_A);
    await poll(before.core, source);
    const stored = before.core.articles.count();
    before.core.close();

    clock.advance(3600_000);
    const after = open(dbPath, clock);
    const [report] = (await poll(after.core, source))!;
    expect(report).toMatchObject({ status: 'unchanged', counts: { new: 0, updated: 0, unchanged: 3 } });
    expect(after.core.articles.count()).toBe(stored);
    expect(after.quiet.size).toBe(0);
    after.core.close();
  });

  it('updates the article of an edited item instead of adding one', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core } = open(tempDb(), clock);
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1)]);
    await poll(core, source);
    const count = core.articles.count();
    source.items(URL_A, 'World', [item(1, { title: 'Item 1 (updated): officials now confirm the strike near Kharkiv' })]);
    const [report] = (await poll(core, source))!;
    expect(report).toMatchObject({ status: 'updated', counts: { updated: 1, new: 0 } });
    expect(core.articles.count()).toBe(count);
    core.close();
  });

  it('recognises items without a guid by their link on the next poll', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core } = open(tempDb(), clock);
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1, { guid: undefined, link: 'https://example.org/a' })]);
    await poll(core, source);
    source.items(URL_A, 'World', [item(1, { guid: undefined, link: 'https://example.org/a' })]);
    const [report] = (await poll(core, source))!;
    expect(report!.counts).toMatchObject({ new: 0, unchanged: 1 });
    core.close();
  });

  it('never alerts on an item older than the alert age, even after the first poll', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core, quiet } = open(tempDb(), clock);
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1)]);
    await poll(core, source);
    quiet.clear();
    source.items(URL_A, 'World', [item(1), item(2, { publishedAt: '2024-08-01T00:00:00.000Z' })]);
    await poll(core, source);
    expect([...quiet.values()]).toEqual([true]);
    core.close();
  });

  it('loses only the item that failed to store: its article goes back, the others stay, the next poll tries it again', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core } = open(tempDb(), clock);
    let failing = true;
    // A stage that throws after the article, its sentences and its FTS row are written.
    core.ingestor.addStage({ name: 'flaky', run: (article) => {
      if (failing && article.title.startsWith('Item 2:')) throw new Error('disk hiccup');
      return {};
    } });
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1), item(2), item(3)]);
    const [first] = (await poll(core, source))!;
    expect(first!.counts).toMatchObject({ new: 2, failed: 1 });
    expect(core.articles.list().map((a) => a.title.slice(0, 6)).sort()).toEqual(['Item 1', 'Item 3']);
    const indexed = core.db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"report number 2"'`).pluck().get();
    expect(indexed).toBe(0);

    failing = false;
    clock.advance(3600_000);
    const [second] = (await poll(core, source))!;
    expect(second!.counts).toMatchObject({ new: 1, unchanged: 2 });
    expect(core.articles.count()).toBe(3);
    core.close();
  });

  it('queues and counts an alert once when another item of the same poll fails and the poll is stored again item by item', async () => {
    const clock = new ManualClock('2024-11-18T12:00:00Z');
    const { core } = open(tempDb(), clock);
    seedCorpus(core);
    await runCommand('/brief subscribe alerts us', { core, channel: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: { id: 'U1', isAdmin: true } });
    core.ingestor.addStage({ name: 'flaky', run: (article) => {
      if (article.title.startsWith('Item 2:')) throw new Error('disk hiccup');
      return {};
    } });
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1)]);
    await poll(core, source); // the first poll is quiet
    const decision = item(9, {
      title: 'Biden allows Ukraine to strike deep inside Russia with ATACMS',
      publishedAt: '2024-11-17T18:00:00.000Z',
      text: 'President Joe Biden has authorized Ukraine to use ATACMS long-range missiles to strike deep inside Russia, two US officials said on Sunday. The first strikes are expected in the Kursk region.',
    });
    source.items(URL_A, 'World', [decision, item(1), item(2)]);
    const counted = new Map<string, number>();
    core.metrics.addSink({ increment: (name, _labels, by) => counted.set(name, (counted.get(name) ?? 0) + by), observe: () => undefined });
    const [report] = (await poll(core, source))!;
    expect(report!.counts).toMatchObject({ new: 1, unchanged: 1, failed: 1 });
    const alerts = core.delivery.outbox.list().filter((queued) => queued.kind === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.reply.title).toMatch(/Limited → Permitted/);
    // The rolled-back first try stored the decision too; only what was committed is counted.
    expect(counted.get('alerts')).toBe(1);
    expect(counted.get('items_ingested')).toBe(1);
    core.close();
  });

  it('skips repeated guids inside one document', async () => {
    const clock = new ManualClock('2024-09-14T12:00:00Z');
    const { core } = open(tempDb(), clock);
    const source = new ScriptedFeedSource();
    core.feeds.add(URL_A);
    source.items(URL_A, 'World', [item(1), item(1, { title: 'Same guid, other text' })]);
    const [report] = (await poll(core, source))!;
    expect(report!.counts.new).toBe(1);
    core.close();
  });
});
