import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import type { CommandContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { latestSlot, nextSlot } from '../../src/core/schedule/digestSlots.ts';
import { zonedInstant } from '../../src/core/schedule/zonedTime.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#news' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock times across daylight-saving changes', () => {
  it('moves a time that does not exist (spring forward) later by the gap, in New York and Kyiv', () => {
    expect(iso(zonedInstant('America/New_York', '2024-03-10', '02:30'))).toBe('2024-03-10T07:30:00.000Z'); // 03:30 EDT
    expect(iso(zonedInstant('Europe/Kyiv', '2024-03-31', '03:30'))).toBe('2024-03-31T01:30:00.000Z'); // 04:30 EEST
  });

  it('takes the first of a time that happens twice (fall back)', () => {
    expect(iso(zonedInstant('America/New_York', '2024-11-03', '01:30'))).toBe('2024-11-03T05:30:00.000Z'); // 01:30 EDT
    expect(iso(zonedInstant('Europe/Kyiv', '2024-10-27', '03:30'))).toBe('2024-10-27T00:30:00.000Z'); // 03:30 EEST
  });

  it('keeps ordinary days on their offset either side of the change', () => {
    expect(iso(zonedInstant('America/New_York', '2024-03-09', '08:00'))).toBe('2024-03-09T13:00:00.000Z');
    expect(iso(zonedInstant('America/New_York', '2024-03-11', '08:00'))).toBe('2024-03-11T12:00:00.000Z');
    expect(iso(zonedInstant('Europe/Kyiv', '2024-10-28', '08:00'))).toBe('2024-10-28T06:00:00.000Z');
  });

  it('finds the latest and next slot around midnight in the zone, not in UTC', () => {
    const now = new Date('2024-09-14T22:30:00Z'); // 01:30 on the 15th in Kyiv
    expect(latestSlot('Europe/Kyiv', '08:00', now)).toEqual({ localDate: '2024-09-14', at: new Date('2024-09-14T05:00:00Z') });
    expect(nextSlot('Europe/Kyiv', '08:00', now)).toEqual({ localDate: '2024-09-15', at: new Date('2024-09-15T05:00:00Z') });
  });
});

describe('scheduled digests with an injected clock', () => {
  let t: TempCore | undefined;
  afterEach(() => t?.cleanup());

  const setup = async (start: string, command: string) => {
    const clock = new ManualClock(start);
    t = tempCore({ clock });
    const context: CommandContext = { core: t.core, channel, user: { id: 'U1', isAdmin: true } };
    const reply = await runCommand(command, context);
    expect(reply.kind).toBe('info');
    return { clock, core: t.core };
  };

  /** Fires the scheduler every `stepMinutes` (as cron firings and sweeps would) until `until`. */
  const runUntil = (clock: ManualClock, until: string, stepMinutes: number, fire: () => void) => {
    while (clock.now().getTime() < Date.parse(until)) {
      clock.advance(stepMinutes * 60_000);
      fire();
    }
  };

  const digestTimes = (core: TempCore['core']) =>
    core.delivery.outbox.list().filter((i) => i.kind === 'digest').map((i) => [i.key.split(':').pop(), i.window?.until]).reverse();

  it('America/New_York 02:30 across spring forward: one digest a day, the gap day at 03:30 EDT', async () => {
    const { clock, core } = await setup('2024-03-08T12:00:00Z', '/brief subscribe digest 02:30 America/New_York');
    runUntil(clock, '2024-03-12T12:00:00Z', 5, () => core.delivery.scheduler.runDue());
    expect(digestTimes(core)).toEqual([
      ['2024-03-09', '2024-03-09T07:30:00.000Z'],
      ['2024-03-10', '2024-03-10T07:30:00.000Z'],
      ['2024-03-11', '2024-03-11T06:30:00.000Z'],
      ['2024-03-12', '2024-03-12T06:30:00.000Z'],
    ]);
  });

  it('America/New_York 01:30 across fall back: the repeated hour does not post a second digest', async () => {
    const { clock, core } = await setup('2024-11-02T12:00:00Z', '/brief subscribe digest 01:30 America/New_York');
    runUntil(clock, '2024-11-04T12:00:00Z', 5, () => core.delivery.scheduler.runDue());
    expect(digestTimes(core)).toEqual([
      ['2024-11-03', '2024-11-03T05:30:00.000Z'],
      ['2024-11-04', '2024-11-04T06:30:00.000Z'],
    ]);
  });

  it('Europe/Kyiv 03:30 across both changes: neither skipped nor doubled', async () => {
    const spring = await setup('2024-03-30T00:00:00Z', '/brief subscribe digest 03:30 Europe/Kyiv');
    runUntil(spring.clock, '2024-04-01T12:00:00Z', 5, () => spring.core.delivery.scheduler.runDue());
    expect(digestTimes(spring.core)).toEqual([
      ['2024-03-30', '2024-03-30T01:30:00.000Z'],
      ['2024-03-31', '2024-03-31T01:30:00.000Z'], // 04:30 EEST: 03:30 did not exist
      ['2024-04-01', '2024-04-01T00:30:00.000Z'],
    ]);
    t!.cleanup();
    const autumn = await setup('2024-10-26T12:00:00Z', '/brief subscribe digest 03:30 Europe/Kyiv');
    runUntil(autumn.clock, '2024-10-28T12:00:00Z', 5, () => autumn.core.delivery.scheduler.runDue());
    expect(digestTimes(autumn.core)).toEqual([
      ['2024-10-27', '2024-10-27T00:30:00.000Z'],
      ['2024-10-28', '2024-10-28T01:30:00.000Z'],
    ]);
  });

  it('each digest covers from where the previous one ended', async () => {
    const { clock, core } = await setup('2024-09-10T00:00:00Z', '/brief subscribe digest 08:00 Europe/Kyiv');
    runUntil(clock, '2024-09-12T06:00:00Z', 15, () => core.delivery.scheduler.runDue());
    const windows = core.delivery.outbox.list().map((i) => i.window).reverse();
    expect(windows).toEqual([
      { since: '2024-09-09T05:00:00.000Z', until: '2024-09-10T05:00:00.000Z' },
      { since: '2024-09-10T05:00:00.000Z', until: '2024-09-11T05:00:00.000Z' },
      { since: '2024-09-11T05:00:00.000Z', until: '2024-09-12T05:00:00.000Z' },
    ]);
  });

  it('does not send the slot that passed before the subscription was made', async () => {
    const { core } = await setup('2024-09-14T09:00:00Z', '/brief subscribe digest 08:00 UTC');
    expect(core.delivery.scheduler.runDue().queued).toEqual([]);
  });

  it('sends a digest missed while the bot was down once on start, never twice', async () => {
    const { clock, core } = await setup('2024-09-14T07:00:00Z', '/brief subscribe digest 08:00 UTC');
    clock.set('2024-09-14T11:00:00Z'); // down from 07:00 to 11:00: the 08:00 digest was missed
    expect(core.delivery.scheduler.runDue().queued).toEqual(['digest:slack/T1/C1:2024-09-14']);
    expect(core.delivery.scheduler.runDue().queued).toEqual([]);
    expect(core.delivery.outbox.list()).toHaveLength(1);
  });

  it('skips a missed digest older than the catch-up limit, and keeps the next one', async () => {
    const { clock, core } = await setup('2024-09-14T07:00:00Z', '/brief subscribe digest 08:00 UTC');
    clock.set('2024-09-14T21:00:00Z'); // 13 hours late, the limit is 12
    expect(core.delivery.scheduler.runDue()).toEqual({ queued: [], skipped: ['digest:slack/T1/C1:2024-09-14'] });
    clock.set('2024-09-15T08:00:00Z');
    expect(core.delivery.scheduler.runDue().queued).toEqual(['digest:slack/T1/C1:2024-09-15']);
  });
});
