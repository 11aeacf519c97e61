import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/bots/slack/slackApp.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import type { Reply } from '../../src/core/reply.ts';
import { SlackFake } from '../fakes/slackFake.ts';
import { massMentions } from '../fakes/slackFakeBlocks.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const news: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#policy-news' };
const alert = (text: string): Reply => ({ kind: 'alert', title: 'Policy change: ATACMS', sections: [{ text }] });

/** The real outbox sender delivering through the Slack port to the fake Slack. */
describe('the outbox delivers to Slack through the Slack port', () => {
  let fake: SlackFake;
  let temp: TempCore;
  let clock: ManualClock;
  let sender: OutboxSender;
  beforeAll(async () => {
    fake = await new SlackFake().start();
  });
  afterAll(async () => fake.stop());
  beforeEach(() => {
    fake.reset();
    temp?.cleanup();
    clock = new ManualClock('2024-11-18T12:00:00Z');
    temp = tempCore({ clock });
    const adapter = createSlackAdapter({
      core: temp.core,
      settings: { botToken: fake.botToken, mode: 'http', signingSecret: 's', port: 0, apiUrl: fake.apiUrl, adminUsers: [] },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    temp.core.delivery.ports.register(adapter.delivery);
    sender = new OutboxSender(temp.core.delivery.outbox, temp.core.delivery.ports, clock, silentLogger(), { random: () => 0.5 });
  });
  afterAll(() => temp?.cleanup());

  const enqueue = (key: string, reply: Reply) => temp.core.delivery.outbox.enqueue({ key, channel: news, kind: 'alert', reply }, clock.now().toISOString());

  it('retries a postMessage that Slack rate-limited for 30 s once the 30 s have passed, posting it once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    enqueue('alert:e1:C1', alert('The US now permits strikes in Kursk.'));
    await sender.runOnce();
    expect(temp.core.delivery.outbox.byKey('alert:e1:C1')).toMatchObject({ state: 'pending', lastErrorCode: 'slack/ratelimited' });
    clock.advance(29_000);
    expect((await sender.runOnce()).delivered).toBe(0);
    clock.advance(1_000);
    expect((await sender.runOnce()).delivered).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(fake.posted).toHaveLength(1);
    expect(temp.core.delivery.outbox.byKey('alert:e1:C1')).toMatchObject({ state: 'sent', messageIds: [fake.posted[0]!.ts] });
  });

  it('marks an alert for a channel the app is not in as dead, with the fix in the error', async () => {
    fake.notMember.add('C1');
    enqueue('alert:e2:C1', alert('x'));
    await sender.runOnce();
    const item = temp.core.delivery.outbox.byKey('alert:e2:C1')!;
    expect(item).toMatchObject({ state: 'dead', lastErrorCode: 'slack/not_in_channel' });
    expect(item.lastError).toContain('invite the app to #policy-news');
  });

  it('edits the posted alert in place when a later report corroborates it', async () => {
    enqueue('alert:e3:C1', alert('First report.'));
    await sender.runOnce();
    temp.core.delivery.outbox.replaceReply('alert:e3:C1', alert('Confirmed by three outlets.'), clock.now().toISOString());
    clock.advance(60_000);
    await sender.runOnce();
    expect(fake.callsTo('chat.update')).toHaveLength(1);
    expect(fake.posted).toHaveLength(1);
    expect(JSON.stringify(fake.posted[0]!.blocks)).toContain('Confirmed by three outlets.');
  });

  it('posts an alert about an article titled with <!channel> without pinging anyone', async () => {
    const hostile: Reply = { kind: 'alert', title: 'Policy change <!channel>', sections: [{ text: 'Reported <!here>.', sources: [{ outlet: 'X <!everyone>', title: 'URGENT <!channel>', url: 'https://x.example/a' }] }] };
    enqueue('alert:e4:C1', hostile);
    await sender.runOnce();
    expect(fake.posted).toHaveLength(1);
    expect(massMentions(fake.posted[0]!)).toEqual([]);
    expect(fake.posted[0]!.text).toContain('&lt;!channel&gt;');
  });
});
