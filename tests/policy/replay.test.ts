import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/core/corpus/articleFile.ts';
import type { PolicyFacts } from '../../src/core/policy/policyTracker.ts';
import { FIXTURES_DIR, describeWithShared } from '../support/shared.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

interface Row {
  readonly file: string;
  readonly claims: string;
  readonly outcome: 'alert' | 'alert update' | 'attach' | 'none';
  readonly facts: PolicyFacts;
}

const count = (facts: PolicyFacts): string => {
  const byStatus = new Map<string, number>();
  for (const claim of facts.claims) byStatus.set(`${claim.policy}:${claim.status}`, (byStatus.get(`${claim.policy}:${claim.status}`) ?? 0) + 1);
  return [...byStatus].map(([key, n]) => `${n} ${key}`).join(', ') || '—';
};

const outcomeOf = (facts: PolicyFacts): Row['outcome'] =>
  facts.alerts.some((a) => a.kind === 'created') ? 'alert'
    : facts.alerts.length > 0 ? 'alert update'
      : facts.events.length > 0 ? 'attach'
        : 'none';

/**
 * The issue's acceptance check: a fresh database seeded with the corpus (quietly), then the 26
 * news fixtures (2022–2026, the long-range-strike story and its neighbours: Iran, North Korea,
 * aid bills) ingested in date order. An alert may fire only where an article reports a change
 * we did not already know; the printed table is the note's table.
 */
describeWithShared('replaying the news fixtures in date order', () => {
  const rows: Row[] = [];
  let temp: TempCore;

  beforeAll(() => {
    temp = tempCore({ seed: true });
    const dir = join(FIXTURES_DIR, 'news');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const [article] = parseArticleFile(readFileSync(join(dir, file), 'utf8'), file).articles;
      const facts = temp.core.ingestor.ingest(article!) as unknown as PolicyFacts;
      rows.push({ file, claims: count(facts), outcome: outcomeOf(facts), facts });
    }
    console.log(`\n${'article'.padEnd(70)} ${'outcome'.padEnd(13)} claims\n${rows.map((r) => `${r.file.replace(/\.txt$/, '').slice(0, 69).padEnd(70)} ${r.outcome.padEnd(13)} ${r.claims}`).join('\n')}`);
  });
  afterAll(() => temp.cleanup());

  const row = (prefix: string): Row => rows.find((r) => r.file.startsWith(prefix))!;

  it('alerts once, for the November 2024 decision to allow long-range strikes deep inside Russia', () => {
    expect(rows.filter((r) => r.outcome === 'alert').map((r) => r.file)).toEqual(['2024-11-18_usatoday_biden-long-range-missiles-ukraine-russia-war.txt']);
    const event = temp.core.policies.event(row('2024-11-18').facts.alerts[0]!.event)!;
    expect(event).toMatchObject({ policy: 'us', from: { id: 'limited' }, to: { id: 'permitted' }, scope: 'deep inside Russia' });
  });

  it('attaches the next day’s report of the same decision and updates the alert’s source count', () => {
    expect(row('2024-11-19')).toMatchObject({ outcome: 'alert update' });
    expect(row('2024-11-19').facts.alerts).toMatchObject([{ kind: 'corroborated', sources: 2 }]);
  });

  it('attaches the June 2024 recap of the Kharkiv decision to the May event, without an alert', () => {
    expect(row('2024-06-01').outcome).toBe('attach');
    expect(temp.core.policies.events({ until: '2024-06-30' }, 'us')[0]!.evidence.map((e) => e.publishedAt?.slice(0, 10))).toContain('2024-06-01');
  });

  it('finds no claim in the Iran, Israel and New York stories, and no change in the 2022 pieces', () => {
    for (const r of rows.filter((r) => /iran|israel|eric-adams/.test(r.file))) expect(r.facts.claims.filter((c) => c.status === 'enacted' || c.status === 'announced'), r.file).toEqual([]);
    for (const r of rows.filter((r) => r.file.startsWith('2022'))) expect(r.facts.events, r.file).toEqual([]);
  });

  it('ends with the US policy permitted since 2024-11-18 and the Kharkiv permission in its timeline', () => {
    const [us] = temp.core.policies.status('us');
    expect(us!.text).toMatch(/^Permitted: .*, since 2024-11-18 \(USA Today\)$/);
    expect(temp.core.policies.events({}, 'us').map((e) => `${e.from.id}→${e.to.id}`)).toEqual(['prohibited→limited', 'limited→permitted']);
  });
});
