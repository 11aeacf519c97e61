import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seedCorpus } from '../../src/core/corpus/seedCorpus.ts';
import type { PolicyAlertPayload } from '../../src/core/policy/policyEvents.ts';
import type { PolicyFacts } from '../../src/core/policy/policyTracker.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

let temp: TempCore | undefined;
afterEach(() => temp?.cleanup());

const DEEP_STRIKES = {
  title: 'Biden lets Ukraine strike deep inside Russia',
  text: 'President Joe Biden has lifted a ban on Ukraine using U.S. long-range missiles to strike targets deep inside Russia, officials said. Ukraine could carry out its first strikes in the coming days.',
  outlet: 'Reuters',
  url: 'https://example.org/deep-strikes',
  publishedAt: '2024-11-17',
};

const SAME_DECISION_ELSEWHERE = {
  title: 'Ukraine fires ATACMS into Russia',
  text: 'Biden quietly lifted restrictions on Ukraine’s use of long-range U.S. weapons this week, and on Tuesday Ukraine launched its first strikes with the missile system.',
  outlet: 'USA Today',
  url: 'https://example.org/first-strikes',
  publishedAt: '2024-11-19',
};

function seeded(): { temp: TempCore; created: PolicyAlertPayload[]; corroborated: PolicyAlertPayload[]; inTransaction: boolean[] } {
  temp = tempCore();
  const created: PolicyAlertPayload[] = [];
  const corroborated: PolicyAlertPayload[] = [];
  const inTransaction: boolean[] = [];
  const core = temp.core;
  core.events.on('policy/event-created', (p) => (created.push(p), inTransaction.push(core.db.inTransaction)));
  core.events.on('policy/event-corroborated', (p) => (corroborated.push(p), inTransaction.push(core.db.inTransaction)));
  seedCorpus(core);
  return { temp, created, corroborated, inTransaction };
}

const facts = (report: unknown): PolicyFacts => report as PolicyFacts;

describe('policy state from the bundled corpus', () => {
  it('GIVEN the seeded corpus THEN the US policy is limited near Kharkiv since 2024-05-30, on CNN’s evidence', () => {
    const { temp } = seeded();
    const [us] = temp.core.policies.status('us');
    expect(us!.text).toBe('Limited: US weapons may be used across the border near Kharkiv; long-range missiles (ATACMS) may not strike deeper into Russia, since 2024-05-30 (CNN)');
    expect(temp.core.policies.statusText('US')).toBe(us!.text);
    expect(us!.event!.evidence[0]).toMatchObject({ outlet: 'CNN', quote: expect.stringContaining('has given permission to Ukraine') });
  });

  it('GIVEN September’s pressure THEN it shows as signals, not as a change', () => {
    const { temp } = seeded();
    const [us] = temp.core.policies.status('us');
    expect(us!.signals.sources.urged).toBeGreaterThanOrEqual(2);
    expect(us!.signals.sources.considering).toBeGreaterThanOrEqual(2);
    expect(us!.signals.text).toMatch(/^urged by \d+ sources, \d+ reports? it under consideration/);
    expect(temp.core.policies.events({}, 'us')).toHaveLength(1);
    const september = temp.core.policies.signals({ since: '2024-09-01', until: '2024-10-01' }, 'us');
    expect(september.items.map((s) => s.quote)).toContainEqual(expect.stringContaining('working that out'));
  });

  it('GIVEN a clock long after the coverage THEN "this week" is empty and the latest week of coverage still shows September', () => {
    temp = tempCore({ seed: true, clock: new ManualClock('2026-01-01T00:00:00Z') });
    const [us] = temp.core.policies.status('us');
    expect(us!.thisWeek.text).toBe('no signals');
    expect(us!.latestWeek).toMatchObject({ until: '2024-09-14T00:00:00.000Z', text: expect.stringMatching(/^urged by 2 sources, 3 report it under consideration/) });
  });

  it('GIVEN seeding is quiet THEN state changes but no alert is recorded or emitted', () => {
    const { temp, created } = seeded();
    expect(created).toEqual([]);
    expect(temp.core.db.prepare('SELECT COUNT(*) FROM policy_alerts').pluck().get()).toBe(0);
  });
});

describe('events and alerts', () => {
  it('GIVEN a report of a new decision THEN one event, one alert and a core event inside the ingest transaction', () => {
    const { temp, created, inTransaction } = seeded();
    const report = facts(temp.core.ingestor.ingest(DEEP_STRIKES));
    expect(report.events).toEqual([{ id: expect.any(Number), new: true }]);
    expect(report.alerts).toEqual([{ id: expect.any(Number), event: report.events[0]!.id, policy: 'us', kind: 'created', sources: 1 }]);
    expect(report.claims.map((c) => c.status)).toContain('enacted');
    expect(created).toEqual([{ alertId: report.alerts[0]!.id, eventId: report.events[0]!.id, policyId: 'us', sourceCount: 1 }]);
    expect(inTransaction).toEqual([true]);
    const [us] = temp.core.policies.status('us');
    expect(us!.state.id).toBe('permitted');
    expect(us!.event!.from.id).toBe('limited');
  });

  it('GIVEN another outlet reports the same decision THEN it attaches as evidence and the alert counts two sources', () => {
    const { temp, created, corroborated } = seeded();
    const first = facts(temp.core.ingestor.ingest(DEEP_STRIKES));
    const second = facts(temp.core.ingestor.ingest(SAME_DECISION_ELSEWHERE));
    expect(second.events).toEqual([{ id: first.events[0]!.id, new: false }]);
    expect(second.alerts).toMatchObject([{ kind: 'corroborated', sources: 2 }]);
    expect(created).toHaveLength(1);
    expect(corroborated).toEqual([{ alertId: first.alerts[0]!.id, eventId: first.events[0]!.id, policyId: 'us', sourceCount: 2 }]);
    expect(temp.core.policies.event(first.events[0]!.id)!.evidence.map((e) => e.outlet)).toEqual(['Reuters', 'USA Today']);
  });

  it('GIVEN a recap of the May decision THEN it corroborates that event without an alert (it was learnt quietly)', () => {
    const { temp, created, corroborated } = seeded();
    const recap = facts(temp.core.ingestor.ingest({
      title: 'Kharkiv under fire',
      text: 'President Joe Biden has authorized Ukraine to use certain U.S. weapons on military bases inside Russia’s border. Kharkiv has come under intensified attacks.',
      outlet: 'USA Today',
      publishedAt: '2024-06-01',
    }));
    const may = temp.core.policies.events({}, 'us')[0]!;
    expect(recap.events).toEqual([{ id: may.id, new: false }]);
    expect(recap.alerts).toEqual([]);
    expect([created, corroborated]).toEqual([[], []]);
  });

  it('GIVEN a 2022 piece arriving late THEN it never rolls the state back', () => {
    const { temp } = seeded();
    temp.core.ingestor.ingest(DEEP_STRIKES);
    const late = facts(temp.core.ingestor.ingest({
      title: 'Old news',
      text: 'The Pentagon reimposed the ban on Ukraine firing US weapons across the border into Russia, officials said.',
      outlet: 'CNN',
      publishedAt: '2022-09-15',
    }));
    expect(late.events).toEqual([]);
    expect(temp.core.policies.status('us')[0]!.state.id).toBe('permitted');
  });

  it('GIVEN a newer reversal THEN the policy moves back and alerts', () => {
    const { temp } = seeded();
    temp.core.ingestor.ingest(DEEP_STRIKES);
    const reversal = facts(temp.core.ingestor.ingest({
      title: 'Reversal',
      text: 'The Trump administration has reimposed restrictions on Ukraine firing ATACMS deep inside Russia, two officials said.',
      outlet: 'AP',
      publishedAt: '2025-03-01',
    }));
    expect(reversal.events).toMatchObject([{ new: true }]);
    expect(reversal.alerts).toMatchObject([{ kind: 'created' }]);
    expect(temp.core.policies.status('us')[0]!.state.id).toBe('limited');
  });

  it('GIVEN the first permission of a policy without a named scope THEN it is the first step up, with an alert', () => {
    const { temp, created } = seeded();
    const report = facts(temp.core.ingestor.ingest({
      title: 'Storm Shadow cleared',
      text: 'Britain has allowed Ukraine to fire Storm Shadow missiles at Russian military sites, the Ministry of Defence said.',
      outlet: 'BBC',
      publishedAt: '2024-11-20',
    }));
    expect(report.alerts).toMatchObject([{ policy: 'uk', kind: 'created' }]);
    expect(created.map((c) => c.policyId)).toEqual(['uk']);
    expect(temp.core.policies.status('uk')[0]!.state.id).toBe('permitted');
  });

  it('GIVEN pressure and denials only THEN no event and no alert', () => {
    const { temp } = seeded();
    const report = facts(temp.core.ingestor.ingest({
      title: 'More calls',
      text: 'Lawmakers urged Biden to let Ukraine strike deep inside Russia with ATACMS. The White House is not anticipating any policy changes on the restrictions for Ukraine, officials said.',
      outlet: 'Politico',
      publishedAt: '2024-10-02',
    }));
    expect(report.claims.map((c) => c.status)).toEqual(['urged', 'denied']);
    expect([report.events, report.alerts]).toEqual([[], []]);
  });

  it('GIVEN an alert listener fails THEN the event rolls back with it: nothing is decided without its outbox rows', () => {
    const { temp } = seeded();
    temp.core.events.on('policy/event-created', () => {
      throw new Error('outbox unavailable');
    });
    expect(() => temp.core.ingestor.ingest(DEEP_STRIKES)).toThrow('outbox unavailable');
    expect(temp.core.policies.status('us')[0]!.state.id).toBe('limited');
    expect(temp.core.db.prepare("SELECT COUNT(*) FROM policy_claims WHERE quote LIKE '%lifted a ban%'").pluck().get()).toBe(0);
  });
});
