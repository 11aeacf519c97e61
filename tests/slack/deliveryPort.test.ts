import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackDeliveryPort } from '../../src/bots/slack/deliveryPort.ts';
import { createSlackAdapter } from '../../src/bots/slack/slackApp.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { SlackFake } from '../fakes/slackFake.ts';
import { blockKitProblem } from '../fakes/slackFakeBlocks.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#policy-news' };
const alert = (text: string): Reply => ({ kind: 'alert', title: 'Policy change: ATACMS', sections: [{ text, sources: [{ outlet: 'CNN', url: 'https://cnn.example/a' }] }] });
const digestOf = (stories: number): Reply => ({
  kind: 'digest',
  title: 'Morning digest',
  sections: Array.from({ length: stories }, (_, i) => ({ heading: `Story ${i}`, text: `Summary ${i}` })),
});
const storiesIn = (fake: SlackFake) => fake.posted.flatMap((m) => JSON.stringify(m.blocks).match(/\*Story \d+\*/g) ?? []);

/** The outbox's port into Slack, driven directly against the fake Slack Web API. */
describe('Slack delivery port for the outbox', () => {
  let fake: SlackFake;
  let temp: TempCore;
  let port: SlackDeliveryPort;
  /** A port as a freshly started process builds it: nothing remembered from earlier sends. */
  const newPort = () =>
    createSlackAdapter({
      core: temp.core,
      settings: { botToken: fake.botToken, mode: 'http', signingSecret: 's', port: 0, apiUrl: fake.apiUrl, adminUsers: [] },
      clientOptions: { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } },
    }).delivery;
  beforeAll(async () => {
    fake = await new SlackFake().start();
    temp = tempCore();
    port = newPort();
  });
  afterAll(async () => {
    await fake.stop();
    temp.cleanup();
  });
  beforeEach(() => fake.reset());

  it('posts an alert with chat.postMessage and returns its message id', async () => {
    const result = await port.send({ key: 'alert:1:C1', channel, reply: alert('The US now permits strikes.') });
    expect(result).toEqual({ ok: true, messageIds: [fake.posted[0]!.ts] });
    expect(fake.posted[0]!.metadata?.event_payload).toMatchObject({ key: 'alert:1:C1', part: 1, parts: 1 });
  });

  it('posts a digest of 60 stories as several valid messages in order', async () => {
    const result = await port.send({ key: 'digest:C1:2024-09-14', channel, reply: digestOf(60) });
    expect(result.ok && result.messageIds.length).toBe(fake.posted.length);
    expect(fake.posted.length).toBeGreaterThan(1);
    for (const message of fake.posted) expect(blockKitProblem(message)).toBeUndefined();
    expect(storiesIn(fake)).toEqual(Array.from({ length: 60 }, (_, i) => `*Story ${i}*`));
  });

  it('waits out a short 429 (Retry-After 0) and posts exactly once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    const result = await port.send({ key: 'alert:2:C1', channel, reply: alert('x') });
    expect(result.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(fake.posted).toHaveLength(1);
  });

  it('hands a long 429 back to the outbox with retry_after, and the retry continues where it stopped', async () => {
    const reply = digestOf(60);
    fake.failNext('chat.postMessage', 'pass', { status: 429, retryAfter: 30 }); // part 1 posts, part 2 is limited
    const limited = await port.send({ key: 'digest:C1:rl', channel, reply });
    expect(limited).toMatchObject({ ok: false, retry: true, retryAfterMs: 30_000, code: 'slack/ratelimited' });
    expect(fake.posted).toHaveLength(1);
    const retried = await port.send({ key: 'digest:C1:rl', channel, reply });
    expect(retried.ok && retried.messageIds.length).toBe(fake.posted.length);
    expect(storiesIn(fake)).toEqual(Array.from({ length: 60 }, (_, i) => `*Story ${i}*`));
  });

  it('marks not_in_channel as dead, telling the person to invite the app to the channel', async () => {
    fake.notMember.add('C1');
    const result = await port.send({ key: 'alert:3:C1', channel, reply: alert('x') });
    expect(result).toMatchObject({ ok: false, retry: false, code: 'slack/not_in_channel' });
    expect(!result.ok && result.message).toContain('invite the app to #policy-news');
  });

  it.each([
    [{ error: 'channel_not_found' }, false, /cannot find #policy-news/],
    [{ error: 'missing_scope', needed: 'chat:write' }, false, /lacks the permission "chat:write".*reinstall/],
    [{ error: 'internal_error' }, true, /try again/],
  ])('maps Slack error %o to retry=%s with words a person can act on', async (failure, retry, words) => {
    fake.failNext('chat.postMessage', failure);
    const result = await port.send({ key: `alert:${failure.error}`, channel, reply: alert('x') });
    expect(result).toMatchObject({ ok: false, retry, code: `slack/${failure.error}` });
    expect(!result.ok && result.message).toMatch(words);
  });

  it('edits a posted alert in place with chat.update when a later report corroborates it', async () => {
    const sent = await port.send({ key: 'alert:4:C1', channel, reply: alert('First report.') });
    if (!sent.ok) throw new Error('send failed');
    const edited = await port.edit({ key: 'alert:4:C1', channel, reply: alert('First report, now confirmed by three outlets.'), messageIds: sent.messageIds });
    expect(edited).toEqual({ ok: true, messageIds: sent.messageIds });
    expect(fake.callsTo('chat.update')).toHaveLength(1);
    expect(fake.posted).toHaveLength(1);
    expect(JSON.stringify(fake.posted[0]!.blocks)).toContain('confirmed by three outlets');
  });

  it('edits a message that is gone into a clear dead error instead of posting a duplicate', async () => {
    const result = await port.edit({ key: 'alert:5:C1', channel, reply: alert('x'), messageIds: ['1.000000'] });
    expect(result).toMatchObject({ ok: false, retry: false, code: 'slack/message_not_found' });
  });

  it('finds what was already posted for a key after a crash, from the channel history', async () => {
    const sent = await port.send({ key: 'digest:C1:crash', channel, reply: digestOf(60) });
    await port.send({ key: 'other', channel, reply: alert('x') });
    expect(await port.findPosted({ key: 'digest:C1:crash', channel, reply: digestOf(60) })).toEqual(sent.ok ? sent.messageIds : []);
    expect(await port.findPosted({ key: 'never-sent', channel, reply: alert('x') })).toEqual([]);
  });

  it('after a crash halfway through a digest, a new process posts only the missing parts', async () => {
    const reply = digestOf(60);
    fake.failNext('chat.postMessage', 'pass', { error: 'internal_error' }); // part 1 posts, then the process "dies"
    await newPort().send({ key: 'digest:C1:half', channel, reply });
    expect(fake.posted).toHaveLength(1);
    const restarted = newPort();
    expect(await restarted.findPosted({ key: 'digest:C1:half', channel, reply })).toEqual([]);
    const result = await restarted.send({ key: 'digest:C1:half', channel, reply });
    expect(result.ok && result.messageIds[0]).toBe(fake.posted[0]!.ts);
    expect(storiesIn(fake)).toEqual(Array.from({ length: 60 }, (_, i) => `*Story ${i}*`));
  });
});
