import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createWebServer } from '../../src/bots/web/webServer.ts';
import { AcceleratedClock } from '../../src/cli/demo/acceleratedClock.ts';
import { DEMO_SPEED, DEMO_START } from '../../src/cli/demo/demoRuntime.ts';
import { runDemo } from '../../src/cli/demo/demoScript.ts';
import { createCore } from '../../src/core/core.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import type { Reply } from '../../src/core/reply.ts';

it('the demo replays the corpus and the sample feed through the pipeline and delivers its alerts and the next morning\'s digest to the web chat', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-demo-test-'));
  const clock = new AcceleratedClock(DEMO_START, DEMO_SPEED);
  const core = createCore({ dbPath: join(dir, 'demo.db'), clock });
  const web = createWebServer({ core, host: '127.0.0.1', port: 0, rateLimitPerMinute: 30, maxBodyBytes: 16_384 });
  await web.listen();
  core.delivery.ports.register(web.delivery);
  // Pacing off: the test checks what arrives, not how fast the outbox may post.
  const sender = new OutboxSender(core.delivery.outbox, core.delivery.ports, clock, core.logger, { pacingMs: { slack: 0, discord: 0, web: 0, cli: 0 } });
  try {
    const lines: string[] = [];
    await runDemo(core, clock, { stepMs: 5, say: (line) => lines.push(line) }).done;
    for (let round = 0; round < 20 && core.delivery.outbox.counts().pending > 0; round++) await sender.runOnce();
    const posted = web.hub.recent('general').map((event) => (event.data as { reply: Reply }).reply);
    const kinds = posted.map((reply) => reply.kind);
    expect(kinds, lines.join('\n')).toContain('digest');
    expect(kinds).toContain('alert');
    // One alert per real policy change (May's permissions, November's ATACMS decision); the
    // September pressure and deliberation raise none of their own.
    const alerts = posted.filter((reply) => reply.kind === 'alert');
    expect(alerts.every((reply) => reply.title.startsWith('CHANGED'))).toBe(true);
    expect(alerts).toHaveLength(core.policies.events().length);
    expect(alerts.some((reply) => JSON.stringify(reply).includes('ATACMS'))).toBe(true);
    expect(lines.at(-1)).toMatch(/1 digest\(s\) queued/);
    // The replay moved the tracked policy as the news did: May's limited permission, November's ATACMS decision.
    const timeline = JSON.stringify(core.policies.events());
    expect(timeline).toContain('2024-05-30');
    expect(timeline).toContain('2024-11-17');
    expect(clock.now().toISOString() >= '2024-11-18T08:00:00.000Z').toBe(true);
  } finally {
    await web.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
