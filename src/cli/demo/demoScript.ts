import { webChannel } from '../../bots/web/webChannel.ts';
import type { CommandContext } from '../../core/commands/context.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import { readCorpus } from '../../core/corpus/seedCorpus.ts';
import type { Core } from '../../core/core.ts';
import type { ArticleInput } from '../../core/ingest/articleInput.ts';
import type { AcceleratedClock } from './acceleratedClock.ts';
import { DEMO_FEED_URL, DemoFeedSource } from './demoFeedSource.ts';

export interface DemoOptions {
  /** Real time between two steps; the CLI uses 4 s, tests a few milliseconds. */
  readonly stepMs: number;
  /** The web channel that receives the alerts and the digest. */
  readonly channel?: string;
  /** One line per step, for the terminal. */
  readonly say?: (line: string) => void;
}

export interface RunningDemo {
  /** Resolves when the last step (the digest) has been queued. */
  readonly done: Promise<void>;
  stop(): void;
}

function corpusByDate(): ArticleInput[] {
  return readCorpus()
    .articles.sort((a, b) => String(a.publishedAt).localeCompare(String(b.publishedAt)));
}

/** 07:00 UTC on the article's day: the morning it was published. */
const morningOf = (date: string | undefined): Date => new Date(`${String(date).slice(0, 10)}T07:00:00Z`);

/**
 * The newcomer's minute: the web channel subscribes to alerts and a 08:00 digest, the corpus
 * arrives article by article in date order (the May permission near Kharkiv raises an alert;
 * September's pressure and deliberation do not), the sample feed is polled twice (the first
 * poll only records; the second brings the November decision and its alert), and the next
 * morning's digest is due. Delivery is the real path: outbox, sender, the web DeliveryPort.
 */
export function runDemo(core: Core, clock: AcceleratedClock, options: DemoOptions): RunningDemo {
  let stopped = false;
  const say = options.say ?? (() => undefined);
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, options.stepMs).unref());
  const context: CommandContext = { core, channel: webChannel(options.channel), user: { id: 'demo', isAdmin: true } };
  const feedSource = new DemoFeedSource();

  const pollFeed = async () => {
    let feed = core.feeds.find(DEMO_FEED_URL);
    if (!feed) {
      const added = core.feeds.add(DEMO_FEED_URL, 'demo', 'newsbrief demo wire');
      if (!added.ok) throw new Error(`the demo feed could not be added: ${added.error.message}`);
      feed = added.value.feed;
    }
    return await core.feeds.record(feed, await feedSource.fetch(DEMO_FEED_URL));
  };

  const steps: (() => Promise<void>)[] = [
    async () => {
      await runCommand('/brief subscribe alerts', context);
      await runCommand('/brief subscribe digest 08:00 UTC', context);
      say(`demo: #${context.channel.channel} follows alerts and gets a digest at 08:00 (demo time)`);
    },
    ...corpusByDate().map((article) => async () => {
      clock.jumpTo(morningOf(article.publishedAt));
      core.ingestor.ingest(article, { quiet: false });
      say(`demo: ${String(article.publishedAt).slice(0, 10)} ${article.outlet ?? ''} — ${article.title ?? ''}`);
    }),
    async () => {
      clock.jumpTo(new Date('2024-11-15T10:00:00Z'));
      const report = await pollFeed();
      say(`demo: first poll of the sample feed: ${report?.counts.new ?? 0} item(s) recorded, nothing posted`);
    },
    async () => {
      feedSource.advance();
      clock.jumpTo(new Date('2024-11-17T19:00:00Z'));
      const report = await pollFeed();
      say(`demo: the sample feed has ${report?.counts.new ?? 0} new item(s): the US allows ATACMS strikes inside Russia`);
    },
    async () => {
      clock.jumpTo(new Date('2024-11-18T08:00:30Z'));
      const due = core.delivery.scheduler.runDue();
      say(`demo: 08:00 on 2024-11-18 — ${due.queued.length} digest(s) queued for delivery`);
    },
  ];

  const done = (async () => {
    for (const step of steps) {
      if (stopped) return;
      await step();
      await pause();
    }
  })();
  return { done, stop: () => (stopped = true) };
}
