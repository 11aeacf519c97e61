import type { CoreEvents } from './events.ts';
import type { IngestStage } from './ingest/ingestor.ts';

/**
 * What the core counts and times, without knowing who exports it. Features call
 * `core.metrics.increment('alerts')`; an adapter (the web chat's /metrics, prom-client)
 * attaches a sink. With no sink attached every call is a no-op, so the CLI pays nothing.
 */
export type CounterName =
  /** One feed fetch attempt; labels: outcome (ok | not-modified | failed). */
  | 'feed_polls'
  /** An article stored or updated by ingest; labels: status (new | updated), quiet (true | false). */
  | 'items_ingested'
  /** One (article, topic) match. */
  | 'topic_matches'
  /** A policy change that raises an alert (counted once, however many channels get it). */
  | 'alerts'
  /** One delivery attempt to a platform; labels: platform, outcome (ok | retry | failed). */
  | 'deliveries'
  /** A command answered; labels: command, platform. */
  | 'commands';

export type TimingName = 'command_seconds' | 'poll_seconds' | 'delivery_seconds' | 'ingest_seconds';

export type MetricLabels = Readonly<Record<string, string>>;

export interface MetricsSink {
  increment(name: CounterName, labels: MetricLabels, by: number): void;
  observe(name: TimingName, seconds: number, labels: MetricLabels): void;
}

interface HeldIncrement {
  readonly name: CounterName;
  readonly labels: MetricLabels;
  readonly by: number;
}

export class CoreMetrics {
  private sinks: MetricsSink[] = [];
  /** Counts held back by `deferred`, innermost call last. */
  private readonly held: HeldIncrement[][] = [];

  /** Returns the detach function (a stopped web server stops counting). */
  addSink(sink: MetricsSink): () => void {
    this.sinks.push(sink);
    return () => {
      this.sinks = this.sinks.filter((s) => s !== sink);
    };
  }

  increment(name: CounterName, labels: MetricLabels = {}, by = 1): void {
    const holding = this.held.at(-1);
    if (holding) holding.push({ name, labels, by });
    else for (const sink of this.sinks) sink.increment(name, labels, by);
  }

  /**
   * Runs synchronous `work` (a transaction) holding back the counts it makes: they are counted
   * when it returns and dropped when it throws, so work that is rolled back and done again (a
   * feed poll stored item by item after one item failed) counts once. A nested call passes its
   * counts up to the enclosing one when it returns.
   */
  deferred<T>(work: () => T): T {
    this.held.push([]);
    let done = false;
    try {
      const result = work();
      done = true;
      return result;
    } finally {
      const counts = this.held.pop()!;
      if (done) for (const { name, labels, by } of counts) this.increment(name, labels, by);
    }
  }

  observe(name: TimingName, seconds: number, labels: MetricLabels = {}): void {
    for (const sink of this.sinks) sink.observe(name, seconds, labels);
  }

  /**
   * Times `work` with the monotonic clock. Latency is a duration, not a point in time, so it
   * does not come from the injected Clock (a ManualClock would always measure zero).
   */
  async time<T>(name: TimingName, labels: MetricLabels, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.observe(name, (performance.now() - started) / 1000, labels);
    }
  }
}

/** An ingest stage that only counts: every stored or updated article is one `items_ingested`. */
export const countIngested = (metrics: CoreMetrics): IngestStage => ({
  name: 'metrics',
  run(_article, { status, quiet }) {
    metrics.increment('items_ingested', { status, quiet: String(quiet) });
    return {};
  },
});

/** Every policy change that raises an alert is one `alerts` (fanned out to however many channels). */
export function countPolicyAlerts(events: CoreEvents, metrics: CoreMetrics): void {
  events.on('policy/event-created', () => metrics.increment('alerts'));
}
