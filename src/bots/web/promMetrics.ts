import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CounterName, MetricLabels, MetricsSink, TimingName } from '../../core/metrics.ts';

/** Latency buckets in seconds: commands answer in milliseconds, feed polls take seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const COUNTERS: Record<CounterName, { help: string; labels: readonly string[] }> = {
  feed_polls: { help: 'Feed fetch attempts, by outcome.', labels: ['outcome'] },
  items_ingested: { help: 'Articles stored or updated by ingest.', labels: ['status', 'quiet'] },
  topic_matches: { help: 'Article-topic matches.', labels: [] },
  alerts: { help: 'Alerts decided (written to the outbox).', labels: [] },
  deliveries: { help: 'Delivery attempts to a chat platform, by outcome.', labels: ['platform', 'outcome'] },
  commands: { help: 'Commands answered, by command and platform.', labels: ['command', 'platform'] },
};

const TIMINGS: Record<TimingName, { help: string; labels: readonly string[] }> = {
  command_seconds: { help: 'Time to answer a command.', labels: ['command', 'platform'] },
  poll_seconds: { help: 'Time to poll one feed.', labels: ['outcome'] },
  delivery_seconds: { help: 'Time of one delivery attempt.', labels: ['platform'] },
  ingest_seconds: { help: 'Time to ingest one article.', labels: [] },
};

/** Current counts the composition root reads from core services for each scrape. */
export interface StateCounts {
  readonly outbox?: Readonly<Record<string, number>>;
  readonly feeds?: Readonly<Record<string, number>>;
}

/** Keeps only declared labels: prom-client throws on an unknown one, and a metric must never break a feature. */
const pick = (labels: MetricLabels, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.filter((n) => labels[n] !== undefined).map((n) => [n, labels[n]!]));

/**
 * The Prometheus side of the core's metrics: a registry of its own (not prom-client's global
 * one, so two servers in one process, as in tests, do not collide) fed by a CoreMetrics sink.
 */
export class PromMetrics implements MetricsSink {
  readonly registry = new Registry();
  private readonly counters = new Map<CounterName, Counter>();
  private readonly histograms = new Map<TimingName, Histogram>();

  constructor(eventStreams: () => number, states: () => StateCounts = () => ({})) {
    collectDefaultMetrics({ register: this.registry, prefix: 'newsbrief_' });
    for (const [name, spec] of Object.entries(COUNTERS) as [CounterName, (typeof COUNTERS)[CounterName]][]) {
      this.counters.set(name, new Counter({ name: `newsbrief_${name}_total`, help: spec.help, labelNames: [...spec.labels], registers: [this.registry] }));
    }
    for (const [name, spec] of Object.entries(TIMINGS) as [TimingName, (typeof TIMINGS)[TimingName]][]) {
      const metric = `newsbrief_${name.replace(/_seconds$/, '')}_duration_seconds`;
      this.histograms.set(name, new Histogram({ name: metric, help: spec.help, labelNames: [...spec.labels], buckets: BUCKETS, registers: [this.registry] }));
    }
    // Read at scrape time from core services: what is true now, whoever changed it.
    const stateGauge = (name: string, help: string, label: string, pick: (c: StateCounts) => Readonly<Record<string, number>> | undefined) =>
      new Gauge({
        name,
        help,
        labelNames: [label],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const [value, count] of Object.entries(pick(states()) ?? {})) this.set({ [label]: value }, count);
        },
      });
    stateGauge('newsbrief_outbox_items', 'Outbox items (alerts and digests) by delivery state.', 'state', (c) => c.outbox);
    stateGauge('newsbrief_feeds', 'Followed feeds by health.', 'health', (c) => c.feeds);
    new Gauge({
      name: 'newsbrief_web_event_streams',
      help: 'Web chat pages connected to the live event stream.',
      registers: [this.registry],
      collect() {
        this.set(eventStreams());
      },
    });
  }

  increment(name: CounterName, labels: MetricLabels, by: number): void {
    this.counters.get(name)?.inc(pick(labels, COUNTERS[name].labels), by);
  }

  observe(name: TimingName, seconds: number, labels: MetricLabels): void {
    this.histograms.get(name)?.observe(pick(labels, TIMINGS[name].labels), seconds);
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
