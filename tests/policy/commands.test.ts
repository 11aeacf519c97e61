import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { localContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { replyToText } from '../../src/core/reply.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const BIN = new URL('../../bin/newsbrief.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-policy-cli-'));
const db = join(dir, 'policy.db');

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', input, env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DECISION = {
  title: 'US lets Ukraine strike deep inside Russia',
  text: 'The Biden administration has authorized Ukraine to use ATACMS against targets deep inside Russia, officials said. Lawmakers urged Germany to allow Taurus strikes inside Russia.',
  outlet: 'Reuters',
  url: 'https://example.org/atacms-deep',
  publishedAt: '2024-11-17',
};

describe('newsbrief policy commands (CLI)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Each spawn loads the whole CLI; on a busy 2-core machine that alone can take 15 s.
  const SPAWN_TIMEOUT = 90_000;

  it('policy analyze reads one article from stdin and prints exactly {change, claims} without storing it', () => {
    const { code, stdout } = cli(['policy', 'analyze', '-', '--json'], JSON.stringify(DECISION));
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { change: boolean; claims: Record<string, unknown>[] };
    expect(Object.keys(result)).toEqual(['change', 'claims']);
    expect(result.change).toBe(true);
    for (const claim of result.claims) expect(Object.keys(claim).every((k) => ['policy', 'actor', 'subject', 'status', 'scope', 'quote'].includes(k))).toBe(true);
    expect(result.claims).toContainEqual({ policy: 'us', actor: 'The Biden administration', subject: 'ATACMS', status: 'enacted', scope: 'deep inside Russia', quote: expect.stringContaining('has authorized Ukraine') });
    expect(result.claims).toContainEqual(expect.objectContaining({ policy: 'germany', status: 'urged' }));
  }, SPAWN_TIMEOUT);

  it('status --json on a fresh database: the US policy is limited near Kharkiv since 2024-05-30 on CNN’s evidence, with September’s signals', () => {
    const { code, stdout } = cli(['status', '--json']);
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as { policies: { id: string; state: string; since: string; text: string; evidence: { outlet: string }[]; signals: { text: string } }[] };
    const us = status.policies.find((p) => p.id === 'us')!;
    expect(us).toMatchObject({ state: 'limited', since: '2024-05-30T00:00:00.000Z' });
    expect(us.text).toBe('Limited: US weapons may be used across the border near Kharkiv; long-range missiles (ATACMS) may not strike deeper into Russia, since 2024-05-30 (CNN)');
    expect(us.evidence[0]!.outlet).toBe('CNN');
    expect(us.signals.text).toMatch(/urged by \d+ sources, \d+ reports? it under consideration/);
    expect(status.policies.map((p) => p.id)).toEqual(['us', 'uk', 'france', 'germany']);
  }, SPAWN_TIMEOUT);
});

describe('core.policies for the ask, digest and alert features', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('/brief status us reads as the state, the evidence quote and the signals', async () => {
    temp = tempCore({ seed: true });
    const text = replyToText(await runCommand('/brief status us', localContext(temp.core)));
    expect(text).toContain('Limited: US weapons may be used across the border near Kharkiv; long-range missiles (ATACMS) may not strike deeper into Russia, since 2024-05-30 (CNN)');
    expect(text).toContain('has given permission to Ukraine');
    expect(text).toMatch(/Signals since 2024-05-30: urged by \d+ sources/);
  });

  it('answers "can Ukraine use ATACMS inside Russia?" with the US status line and its date', () => {
    temp = tempCore({ seed: true });
    expect(temp.core.policies.statusLineFor('Can Ukraine still not use ATACMS inside Russia?')).toEqual({
      line: expect.stringMatching(/^Limited: .*since 2024-05-30 \(CNN\); since then: urged by/),
      asOf: '2024-05-30T00:00:00.000Z',
    });
    expect(temp.core.policies.statusLineFor('Did the UK allow Storm Shadow strikes?')!.line).toMatch(/^Prohibited: .*Storm Shadow/);
    expect(temp.core.policies.statusLineFor('What is the weather in Paris tomorrow?')).toBeUndefined();
    expect(temp.core.policies.statusLineFor('Will Biden attend the summit?')).toBeUndefined();
  });

  it('counts a status line’s signals as distinct articles per status in any window, as the stored claims say', () => {
    temp = tempCore({ seed: true });
    const claims = temp.core.db
      .prepare("SELECT policy_id AS policy, status, article_id AS article, reported_at AS at FROM policy_claims WHERE status IN ('urged', 'considering', 'denied')")
      .all() as { policy: string; status: string; article: number; at: string }[];
    const windows: { since?: string; until?: string }[] = [{}, { since: '2024-05-30T00:00:00.000Z' }, { since: '2024-09-01T00:00:00.000Z', until: '2024-09-13T00:00:00.000Z' }, { since: '2030-01-01T00:00:00.000Z' }];
    for (const policy of [undefined, ...temp.core.policies.definitions.map((p) => p.id)]) {
      for (const window of windows) {
        const inWindow = claims.filter((c) => (!policy || c.policy === policy) && (!window.since || c.at >= window.since) && (!window.until || c.at < window.until));
        const articles = (status: string) => new Set(inWindow.filter((c) => c.status === status).map((c) => c.article)).size;
        const counts = temp.core.policies.signalCounts(window, policy);
        expect(counts.sources).toEqual({ urged: articles('urged'), considering: articles('considering'), denied: articles('denied') });
        // The full summary is the same counts with each claim added.
        expect(temp.core.policies.signals(window, policy)).toEqual({ ...counts, items: expect.any(Array) });
        expect(temp.core.policies.signals(window, policy).items).toHaveLength(inWindow.length);
      }
    }
    // The seeds hold signals: the comparison is not of empty summaries only.
    expect(temp.core.policies.signalCounts({}, 'us').sources.urged).toBeGreaterThan(0);
  });

  it('analyzes an article without storing it: pressure and a denial are no change', () => {
    temp = tempCore({ seed: true });
    const before = temp.core.articles.count();
    const analysis = temp.core.policies.analyze({
      text: 'Lawmakers called on Biden to allow Ukraine to strike deep inside Russia. The White House is not anticipating any policy changes on the restrictions for Ukraine, officials said.',
    });
    expect(analysis).toMatchObject({ change: false, claims: [{ status: 'urged' }, { status: 'denied' }] });
    expect(temp.core.articles.count()).toBe(before);
  });

  it('/brief status for an unknown policy names the tracked ones', async () => {
    temp = tempCore({ seed: true });
    const reply = await runCommand('/brief status narnia', localContext(temp.core));
    expect(reply).toMatchObject({ kind: 'error', data: { code: 'policy/unknown', known: ['us', 'uk', 'france', 'germany'] } });
  });

  it('reports claims, events and alerts per ingested article; /brief timeline then lists the event with what it replaced', async () => {
    temp = tempCore({ seed: true });
    const report = temp.core.ingestor.ingest(DECISION) as unknown as { claims: unknown[]; events: { new: boolean }[]; alerts: { kind: string; sources: number }[] };
    expect(report).toMatchObject({ events: [{ new: true }], alerts: [{ kind: 'created', sources: 1 }] });
    expect(report.claims.length).toBeGreaterThanOrEqual(2);
    const reply = await runCommand('/brief timeline us', localContext(temp.core));
    const data = reply.data as { policies: { events: { to: string; replaced: { state: string }; evidence: { outlet: string }[] }[] }[] };
    expect(data.policies[0]!.events.map((e) => [e.replaced.state, e.to])).toEqual([['prohibited', 'limited'], ['limited', 'permitted']]);
    expect(data.policies[0]!.events[1]!.evidence[0]!.outlet).toBe('Reuters');
    expect(replyToText(reply)).toContain('2024-11-17 — Limited → Permitted');
  });

  it('gives the alert for an event: from, to, scope, quote, outlet, date, link and source count', () => {
    temp = tempCore({ seed: true });
    const report = temp.core.ingestor.ingest(DECISION) as unknown as { alerts: { event: number }[] };
    expect(temp.core.policies.alert(report.alerts[0]!.event)).toMatchObject({
      policy: 'us',
      previousState: 'Limited',
      state: 'Permitted (deep inside Russia)',
      effectiveAt: '2024-11-17T00:00:00.000Z',
      sourceCount: 1,
      evidence: [{ outlet: 'Reuters', url: 'https://example.org/atacms-deep', quote: expect.stringContaining('ATACMS') }],
    });
  });
});
