import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordDelivery, restClient } from '../../src/bots/discord/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import type { Reply } from '../../src/core/reply.ts';
import { DiscordFake, FAKE_GUILD_ID } from '../fakes/discordFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const news: ChannelRef = { platform: 'discord', workspace: FAKE_GUILD_ID, channel: '440000000000000001', channelName: '#policy-news' };
const locked: ChannelRef = { ...news, channel: '440000000000000002', channelName: '#locked' };
const alert = (text: string): Reply => ({ kind: 'alert', title: 'Policy change: ATACMS', sections: [{ text }] });

/** The real outbox sender delivering through the Discord port to the local Discord. */
describe('the outbox delivers to Discord through the Discord port', () => {
  let fake: DiscordFake;
  let temp: TempCore | undefined;
  let clock: ManualClock;
  let sender: OutboxSender;
  beforeAll(async () => {
    fake = await DiscordFake.start();
    fake.addChannel(news.channel);
    fake.addChannel(locked.channel, 'no-permission');
  });
  afterAll(async () => {
    await fake?.close();
    temp?.cleanup();
  });
  beforeEach(() => {
    temp?.cleanup();
    clock = new ManualClock('2024-11-18T12:00:00Z');
    temp = tempCore({ clock });
    temp.core.delivery.ports.register(new DiscordDelivery(restClient(fake.token, fake.apiUrl), silentLogger()));
    sender = new OutboxSender(temp.core.delivery.outbox, temp.core.delivery.ports, clock, silentLogger(), { random: () => 0.5 });
  });

  const enqueue = (key: string, channel: ChannelRef, reply: Reply) => temp!.core.delivery.outbox.enqueue({ key, channel, kind: 'alert', reply }, clock.now().toISOString());

  it('GIVEN an alert WHEN a second source arrives THEN the posted message is edited in place, never posted twice', async () => {
    enqueue('alert:e1:440000000000000001', news, alert('Reuters: the US now permits ATACMS strikes inside Russia.'));
    expect((await sender.runOnce()).delivered).toBe(1);
    const [posted] = fake.channelMessages(news.channel);
    expect(temp!.core.delivery.outbox.byKey('alert:e1:440000000000000001')).toMatchObject({ state: 'sent', messageIds: [posted!.id] });
    temp!.core.delivery.outbox.replaceReply('alert:e1:440000000000000001', alert('Reuters and AP: the US now permits ATACMS strikes inside Russia.'), clock.now().toISOString());
    clock.advance(60_000);
    await sender.runOnce();
    expect(fake.channelMessages(news.channel)).toHaveLength(1);
    expect(posted!.edits).toBe(1);
    expect(JSON.stringify(posted!.embeds)).toContain('Reuters and AP');
  });

  it('GIVEN a channel where the bot may not post THEN the item is dead at once, with the fix in its error', async () => {
    enqueue('alert:e2:440000000000000002', locked, alert('x'));
    await sender.runOnce();
    const item = temp!.core.delivery.outbox.byKey('alert:e2:440000000000000002')!;
    expect(item).toMatchObject({ state: 'dead', lastErrorCode: 'discord/50013' });
    expect(item.lastError).toContain('Send Messages and Embed Links');
  });
});
