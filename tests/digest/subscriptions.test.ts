import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import type { CommandContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const news: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#news' };
const sameIdOtherWorkspace: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
const discord: ChannelRef = { platform: 'discord', workspace: 'G1', channel: 'C1' };

describe('subscribing a channel', () => {
  let t: TempCore;
  beforeEach(() => {
    t = tempCore({ clock: new ManualClock('2024-09-14T12:00:00Z') });
  });
  afterEach(() => t.cleanup());

  const as = (channel: ChannelRef, isAdmin = true): CommandContext => ({ core: t.core, channel, user: { id: 'U1', isAdmin, adminHint: 'a workspace admin' } });
  const data = (reply: { data?: unknown }) => reply.data as Record<string, unknown>;

  it('schedules a daily digest and says when the next one comes, in the zone and in UTC', async () => {
    const reply = await runCommand('/brief subscribe digest 8:00 Europe/Kyiv', as(news));
    expect(reply.kind).toBe('info');
    expect(reply.sections[0]!.text).toContain('every day at 08:00 Europe/Kyiv');
    expect(reply.sections[0]!.text).toContain('2024-09-15 08:00 (2024-09-15 05:00 UTC)');
    expect(data(reply)).toMatchObject({ kind: 'digest', time: '08:00', zone: 'Europe/Kyiv' });
  });

  it('refuses a bad time or an unknown zone with a message that says what to type', async () => {
    const badTime = await runCommand('/brief subscribe digest 25:00 Europe/Kyiv', as(news));
    expect(badTime.kind).toBe('error');
    expect(badTime.sections[0]!.text).toContain('"25:00" is not a time of day; use HH:MM');
    const badZone = await runCommand('/brief subscribe digest 08:00 Mars/Olympus', as(news));
    expect(badZone.sections[0]!.text).toContain('"Mars/Olympus" is not a time zone; use an IANA name like Europe/Kyiv');
    expect(t.core.delivery.subscriptions.digests()).toEqual([]);
  });

  it('keeps one digest per channel: subscribing again moves it', async () => {
    await runCommand('/brief subscribe digest 08:00 Europe/Kyiv', as(news));
    await runCommand('/brief subscribe digest 07:30 America/New_York', as(news));
    expect(t.core.delivery.subscriptions.digests().map((s) => [s.timeOfDay, s.zone])).toEqual([['07:30', 'America/New_York']]);
  });

  it('stores subscriptions per platform, workspace and channel', async () => {
    await runCommand('/brief subscribe digest 08:00 UTC', as(news));
    await runCommand('/brief subscribe alerts', as(sameIdOtherWorkspace));
    await runCommand('/brief subscribe alerts us', as(discord));
    expect(t.core.delivery.subscriptions.forChannel(news).map((s) => s.kind)).toEqual(['digest']);
    expect(t.core.delivery.subscriptions.forChannel(sameIdOtherWorkspace).map((s) => s.kind)).toEqual(['alerts']);
    expect(t.core.delivery.subscriptions.alertChannels(['us']).map((s) => s.channel.platform).sort()).toEqual(['discord', 'slack']);
    expect(t.core.delivery.subscriptions.alertChannels(['uk']).map((s) => s.channel.workspace)).toEqual(['T2']);
  });

  it('says so when alerts are already on, and when there is nothing to unsubscribe', async () => {
    await runCommand('/brief subscribe alerts', as(news));
    expect((await runCommand('/brief subscribe alerts', as(news))).title).toBe('Already subscribed');
    expect((await runCommand('/brief unsubscribe alerts', as(news))).title).toBe('Unsubscribed');
    const nothing = await runCommand('/brief unsubscribe digest', as(news));
    expect(nothing.kind).toBe('error');
    expect(data(nothing)).toMatchObject({ code: 'subscriptions/not-found' });
  });

  it('takes a policy by its actor or a topic of the channel, and refuses anything else by name', async () => {
    expect((await runCommand('/brief subscribe alerts US', as(news))).data).toMatchObject({ target: 'us' });
    expect((await runCommand('/brief subscribe alerts ukraine-war', as(news))).data).toMatchObject({ target: 'ukraine-war' });
    const unknown = await runCommand('/brief subscribe alerts narnia', as(news));
    expect(unknown.kind).toBe('error');
    expect(data(unknown)).toMatchObject({ code: 'subscriptions/unknown-target' });
    expect(unknown.sections[0]!.text).toMatch(/“narnia” is neither a tracked policy \(us, uk, [^)]*\) nor one of this channel's topics \(long-range-strikes, ukraine-war/);
    expect((await runCommand('/brief unsubscribe alerts US', as(news))).title).toBe('Unsubscribed');
    expect(t.core.delivery.subscriptions.forChannel(news).map((s) => (s.kind === 'alerts' ? s.target : ''))).toEqual(['ukraine-war']);
  });

  it('stores a time zone as IANA spells it, whatever its case', async () => {
    const reply = await runCommand('/brief subscribe digest 08:00 europe/berlin', as(news));
    expect(data(reply)).toMatchObject({ zone: 'Europe/Berlin' });
    expect(reply.sections[0]!.text).toContain('every day at 08:00 Europe/Berlin');
    expect(data(await runCommand('/brief subscribe digest 08:00 utc', as(news)))).toMatchObject({ zone: 'UTC' });
    expect(data(await runCommand('/brief subscribe digest 08:00 america/new_york', as(news)))).toMatchObject({ zone: 'America/New_York' });
  });

  it('says a topic alert comes from matching articles, and that alerts for all policies stay on', async () => {
    const topic = await runCommand('/brief subscribe alerts ukraine-war', as(news));
    expect(topic.sections[0]!.text).toContain('when an article matching that topic reports a policy change');
    await runCommand('/brief subscribe alerts', as(news));
    const one = await runCommand('/brief unsubscribe alerts uk', as(news));
    expect(one.kind).toBe('error');
    expect(one.sections[0]!.text).toContain('still gets alerts for every tracked policy');
  });

  it('needs the platform admin right to change subscriptions', async () => {
    const reply = await runCommand('/brief subscribe digest 08:00 UTC', as(news, false));
    expect(reply.title).toBe('Only admins can do that');
    expect(reply.sections[0]!.text).toContain('a workspace admin');
    expect(t.core.delivery.subscriptions.forChannel(news)).toEqual([]);
  });

  it('previews exactly the digest the schedule would post', async () => {
    await runCommand('/brief subscribe digest 08:00 UTC', as(news));
    (t.core.clock as ManualClock).set('2024-09-15T08:00:00Z');
    const preview = await runCommand('/brief preview digest', as(news, false));
    t.core.delivery.scheduler.runDue();
    const { ephemeral, ...shown } = preview;
    expect(ephemeral).toBe(true);
    expect(shown).toEqual(t.core.delivery.outbox.list()[0]!.reply);
  });
});
