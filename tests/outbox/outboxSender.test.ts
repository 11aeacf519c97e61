import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { backoffDelay } from '../../src/core/outbox/backoff.ts';
import { DeliveryRegistry } from '../../src/core/outbox/deliveryRegistry.ts';
import { OutboxSender, type SenderOptions } from '../../src/core/outbox/outboxSender.ts';
import type { Reply } from '../../src/core/reply.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { ScriptedPort } from './support/scriptedPort.ts';

const news: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#news' };
const other: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C2' };
const reply = (title: string): Reply => ({ kind: 'alert', title, sections: [{ text: title }] });

describe('the outbox sender', () => {
  let t: TempCore;
  let clock: ManualClock;
  let registry: DeliveryRegistry;

  beforeEach(() => {
    clock = new ManualClock('2024-09-14T12:00:00Z');
    t = tempCore({ clock });
    registry = new DeliveryRegistry();
  });
  afterEach(() => t.cleanup());

  const outbox = () => t.core.delivery.outbox;
  const enqueue = (key: string, channel = news, title = key) => outbox().enqueue({ key, channel, kind: 'alert', reply: reply(title) }, clock.now().toISOString());
  const sender = (port: ScriptedPort, options: SenderOptions = {}) => {
    registry.register(port);
    return new OutboxSender(outbox(), registry, clock, silentLogger(), { random: () => 0.5, ...options });
  };

  it('posts a queued alert once and records the platform message id', async () => {
    const port = new ScriptedPort();
    enqueue('alert:a');
    expect(enqueue('alert:a').created).toBe(false);
    const round = await sender(port).runOnce();
    expect(round.delivered).toBe(1);
    expect(port.calls.map((c) => c.op)).toEqual(['send']);
    expect(port.calls[0]!.nonce).toHaveLength(25);
    expect(outbox().byKey('alert:a')).toMatchObject({ state: 'sent', attempts: 1, messageIds: ['msg-1'] });
  });

  it('retries a 5xx with growing, jittered backoff and succeeds later', async () => {
    const port = new ScriptedPort('slack', [
      { ok: false, retry: true, code: 'slack/http-503', message: 'Slack is unavailable.' },
      { ok: false, retry: true, code: 'slack/http-503', message: 'Slack is unavailable.' },
    ]);
    enqueue('alert:b');
    const s = sender(port, { backoff: { baseMs: 1000, maxMs: 60_000 } });
    await s.runOnce();
    const first = outbox().byKey('alert:b')!;
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'slack/http-503' });
    expect(Date.parse(first.nextAttemptAt) - clock.now().getTime()).toBe(750);
    expect((await s.runOnce()).delivered).toBe(0); // not due yet
    clock.advance(750);
    await s.runOnce();
    expect(Date.parse(outbox().byKey('alert:b')!.nextAttemptAt) - clock.now().getTime()).toBe(1500);
    clock.advance(1500);
    await s.runOnce();
    expect(outbox().byKey('alert:b')).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('waits exactly the retry-after of a 429 and holds the whole channel meanwhile', async () => {
    const port = new ScriptedPort('slack', [{ ok: false, retry: true, retryAfterMs: 30_000, code: 'slack/rate-limited', message: 'Rate limited.' }]);
    enqueue('alert:c');
    const s = sender(port);
    await s.runOnce();
    expect(Date.parse(outbox().byKey('alert:c')!.nextAttemptAt) - clock.now().getTime()).toBe(30_000);
    clock.advance(5_000);
    enqueue('alert:d');
    expect((await s.runOnce()).delivered).toBe(0);
    clock.advance(25_000);
    expect((await s.runOnce()).delivered).toBe(1);
    clock.advance(1_100); // then the channel's pacing
    expect((await s.runOnce()).delivered).toBe(1);
  });

  it('gives up after N attempts into a dead state that keeps the platform error in words', async () => {
    const fail = { ok: false as const, retry: true, code: 'slack/http-500', message: 'Slack answered 500.' };
    const port = new ScriptedPort('slack', [fail, fail, fail]);
    enqueue('alert:e');
    const s = sender(port, { maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 } });
    for (let i = 0; i < 3; i++) {
      await s.runOnce();
      clock.advance(10);
    }
    expect(outbox().byKey('alert:e')).toMatchObject({ state: 'dead', attempts: 3, lastError: 'Slack answered 500. (gave up after 3 attempts)' });
  });

  it('marks a permission error dead at once, with the message a person can act on', async () => {
    const port = new ScriptedPort('slack', [{ ok: false, retry: false, code: 'slack/not_in_channel', message: 'missing permission to post in #news: invite the app' }]);
    enqueue('alert:f');
    await sender(port).runOnce();
    expect(outbox().byKey('alert:f')).toMatchObject({ state: 'dead', attempts: 1, lastErrorCode: 'slack/not_in_channel', lastError: 'missing permission to post in #news: invite the app' });
    expect(outbox().revive(outbox().byKey('alert:f')!.id, clock.now().toISOString())).toBe(true);
    expect(outbox().byKey('alert:f')).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('edits the posted alert in place when a corroborating report updates it', async () => {
    const port = new ScriptedPort();
    enqueue('alert:g', news, 'CHANGED: 1 outlet');
    const s = sender(port);
    await s.runOnce();
    outbox().replaceReply('alert:g', reply('CHANGED: 2 outlets'), clock.now().toISOString());
    expect(outbox().byKey('alert:g')).toMatchObject({ state: 'pending', needsEdit: true });
    clock.advance(1_100);
    await s.runOnce();
    expect(port.calls.map((c) => [c.op, c.title])).toEqual([
      ['send', 'CHANGED: 1 outlet'],
      ['edit', 'CHANGED: 2 outlets'],
    ]);
    expect(port.calls[1]!.messageIds).toEqual(['msg-1']);
    expect(outbox().byKey('alert:g')).toMatchObject({ state: 'sent', needsEdit: false, messageIds: ['msg-1'] });
  });

  it('edits the alert when a corroborating report arrives while it is being posted', async () => {
    let release: () => void = () => {};
    const port = new ScriptedPort();
    const send = port.send.bind(port);
    port.send = async (request) => {
      await new Promise<void>((resolve) => (release = resolve));
      return send(request);
    };
    enqueue('alert:race', news, 'CHANGED: 1 outlet');
    const s = sender(port);
    const round = s.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    outbox().replaceReply('alert:race', reply('CHANGED: 2 outlets'), clock.now().toISOString());
    release();
    await round;
    expect(outbox().byKey('alert:race')).toMatchObject({ state: 'pending', needsEdit: true, messageIds: ['msg-1'] });
    clock.advance(1_100);
    await s.runOnce();
    expect(port.calls.map((c) => [c.op, c.title])).toEqual([
      ['send', 'CHANGED: 1 outlet'],
      ['edit', 'CHANGED: 2 outlets'],
    ]);
    expect(outbox().byKey('alert:race')).toMatchObject({ state: 'sent', needsEdit: false });
  });

  it('after a crash between posting and recording, finds the earlier post instead of posting again', async () => {
    const port = new ScriptedPort('slack', [], true);
    enqueue('alert:h');
    port.posted.set('alert:h', ['msg-earlier']);
    outbox().markSending(outbox().byKey('alert:h')!.id, clock.now().toISOString()); // the process died here
    const s = sender(port);
    expect(s.recover()).toBe(1);
    await s.runOnce();
    expect(port.calls.map((c) => c.op)).toEqual(['findPosted']);
    expect(outbox().byKey('alert:h')).toMatchObject({ state: 'sent', messageIds: ['msg-earlier'] });
  });

  it('re-sends an in-doubt item with the same nonce when the platform cannot tell', async () => {
    const port = new ScriptedPort('discord');
    const channel: ChannelRef = { platform: 'discord', workspace: 'G1', channel: '42' };
    enqueue('alert:i', channel);
    const s = sender(port);
    outbox().markSending(outbox().byKey('alert:i')!.id, clock.now().toISOString());
    s.recover();
    await s.runOnce();
    await new OutboxSender(outbox(), registry, clock, silentLogger()).runOnce();
    expect(port.calls.filter((c) => c.op === 'send')).toHaveLength(1);
    expect(outbox().byKey('alert:i')).toMatchObject({ state: 'sent', inDoubt: false });
  });

  it('paces posts to one channel (Slack ~1 per second) without holding back other channels', async () => {
    const port = new ScriptedPort();
    enqueue('alert:j1');
    enqueue('alert:j2');
    enqueue('alert:k1', other);
    const s = sender(port);
    const first = await s.runOnce();
    expect(first.delivered).toBe(2);
    expect(port.calls.map((c) => c.key)).toEqual(['alert:j1', 'alert:k1']);
    expect(first.nextInMs).toBe(1100);
    clock.advance(1100);
    expect((await s.runOnce()).delivered).toBe(1);
  });

  it('leaves items for a platform with no running adapter pending, attempts untouched', async () => {
    enqueue('alert:l', { platform: 'discord', workspace: 'G', channel: '1' });
    const round = await sender(new ScriptedPort('slack')).runOnce();
    expect(round.delivered + round.failed).toBe(0);
    expect(outbox().byKey('alert:l')).toMatchObject({ state: 'pending', attempts: 0 });
  });
});

describe('backoff', () => {
  it('doubles per attempt up to the cap, half fixed and half jitter', () => {
    const policy = { baseMs: 1000, maxMs: 8000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
