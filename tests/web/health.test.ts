import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb, type RunningWeb } from './webFixture.ts';

describe('web chat health and metrics', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb({
      health: () => ({ adapters: { web: 'on', slack: 'off', discord: 'off' }, feeds: { ok: 2, failing: 1 }, outbox: { pending: 1, dead: 1 } }),
      states: () => ({ outbox: { pending: 1, sent: 4, dead: 0 }, feeds: { ok: 2, failing: 1 } }),
    });
  });
  afterAll(() => web.stop());

  it('GET /healthz reports the database, feeds, the outbox and adapters', async () => {
    const response = await fetch(new URL('/healthz', web.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      db: { ok: true, articles: 5 },
      feeds: { ok: 2, failing: 1 },
      outbox: { pending: 1, dead: 1 },
      adapters: { web: 'on', slack: 'off', discord: 'off' },
    });
  });

  it('GET /healthz answers 503 when the database is gone', async () => {
    const broken = await startWeb();
    broken.temp.core.close();
    const response = await fetch(new URL('/healthz', broken.url));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, db: { ok: false } });
    await broken.server.close();
    broken.temp.cleanup();
  });

  it('GET /metrics exports commands, latencies, what the core counts and the outbox and feed states, in Prometheus text', async () => {
    await web.post('/api/command', { text: '/brief search Kharkiv' });
    web.temp.core.ingestor.ingest({ title: 'A new report', text: 'Officials said the decision was final. It was announced on Tuesday.', outlet: 'Test' });
    web.temp.core.metrics.increment('feed_polls', { outcome: 'ok' });
    web.temp.core.events.emit('policy/event-created', { alertId: 1, eventId: 1, policyId: 'us', sourceCount: 1 });
    web.temp.core.metrics.increment('deliveries', { platform: 'web', outcome: 'ok', ignored: 'label' });
    const response = await fetch(new URL('/metrics', web.url));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('newsbrief_commands_total{command="search",platform="web"} 1');
    expect(text).toMatch(/newsbrief_command_duration_seconds_count\{command="search",platform="web"\} 1/);
    expect(text).toContain('newsbrief_items_ingested_total{status="new",quiet="false"} 1');
    expect(text).toContain('newsbrief_feed_polls_total{outcome="ok"} 1');
    expect(text).toContain('newsbrief_alerts_total 1');
    expect(text).toContain('newsbrief_deliveries_total{platform="web",outcome="ok"} 1');
    expect(text).toContain('newsbrief_topic_matches_total');
    expect(text).toContain('newsbrief_web_event_streams 0');
    expect(text).toContain('newsbrief_outbox_items{state="pending"} 1');
    expect(text).toContain('newsbrief_outbox_items{state="sent"} 4');
    expect(text).toContain('newsbrief_feeds{health="failing"} 1');
  });
});
