import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordDelivery, restClient } from '../../src/bots/discord/index.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import type { DeliveryRequest } from '../../src/core/delivery/deliveryPort.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Reply, Source } from '../../src/core/reply.ts';
import { DiscordFake, FAKE_GUILD_ID } from '../fakes/discordFake.ts';
import { embedProblems } from './support/discordRules.ts';

const channel = (id: string, name = '#policy-news'): ChannelRef => ({ platform: 'discord', workspace: FAKE_GUILD_ID, channel: id, channelName: name });
const reuters: Source = { outlet: 'Reuters', title: 'US lets Ukraine strike inside Russia', url: 'https://news.example/reuters', publishedAt: '2024-11-17' };
const ap: Source = { outlet: 'AP', title: 'Biden approves ATACMS use', url: 'https://news.example/ap', publishedAt: '2024-11-17' };
const alert = (sources: Source[], text = 'The US now permits ATACMS strikes inside Russia.'): Reply => ({
  kind: 'alert',
  title: 'Policy change: long-range strikes permitted',
  sections: [{ quotes: [{ text, sources }] }],
});
const digest = (stories: number): Reply => ({
  kind: 'digest',
  title: 'Digest',
  sections: Array.from({ length: stories }, (_, i) => ({ heading: `Story ${i + 1}`, text: 'Officials weighed the change. '.repeat(60), sources: [reuters] })),
});

describe('delivering outbox items to Discord channels', () => {
  let fake: DiscordFake;
  let delivery: DiscordDelivery;
  let roles: Map<string, string>;
  beforeAll(async () => {
    fake = await DiscordFake.start();
    roles = new Map();
    delivery = new DiscordDelivery(restClient(fake.token, fake.apiUrl), silentLogger(), { alertRoleFor: (c) => roles.get(c.channel) });
  });
  afterAll(async () => fake?.close());

  it('GIVEN a digest above the embed limits THEN it arrives as several valid messages, in order, each with its own nonce', async () => {
    fake.addChannel('410000000000000001');
    const request: DeliveryRequest = { key: 'digest:410:2024-11-17', channel: channel('410000000000000001'), reply: digest(30) };
    const result = await delivery.send(request);
    const posted = fake.channelMessages('410000000000000001');
    expect(result).toEqual({ ok: true, messageIds: posted.map((m) => m.id) });
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.every((m) => embedProblems({ embeds: m.embeds }).length === 0)).toBe(true);
    expect(new Set(posted.map((m) => m.nonce)).size).toBe(posted.length);
    expect(JSON.stringify(posted.map((m) => m.embeds)).indexOf('Story 30')).toBeGreaterThan(JSON.stringify(posted.map((m) => m.embeds)).indexOf('Story 1'));
  });

  it('GIVEN the same key is sent again after a crash THEN Discord de-duplicates by nonce and nothing is posted twice', async () => {
    fake.addChannel('410000000000000002');
    const request: DeliveryRequest = { key: 'alert:7:410000000000000002', channel: channel('410000000000000002'), reply: alert([reuters]) };
    const first = await delivery.send(request);
    const restarted = new DiscordDelivery(restClient(fake.token, fake.apiUrl), silentLogger());
    const again = await restarted.send(request);
    expect(again).toEqual(first);
    expect(fake.channelMessages('410000000000000002')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/channels/410000000000000002/messages').every((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
  });

  it('GIVEN an alert was posted WHEN a second source corroborates it THEN the same message is edited to cite both', async () => {
    fake.addChannel('410000000000000003');
    const target = channel('410000000000000003');
    const sent = await delivery.send({ key: 'alert:8', channel: target, reply: alert([reuters]) });
    if (!sent.ok) throw new Error(sent.message);
    const edited = await delivery.edit({ key: 'alert:8', channel: target, reply: alert([reuters, ap]), messageIds: sent.messageIds });
    expect(edited).toEqual(sent);
    const [message, ...others] = fake.channelMessages('410000000000000003');
    expect(others).toEqual([]);
    expect(message!.edits).toBe(1);
    expect(JSON.stringify(message!.embeds)).toContain('[AP — Biden approves ATACMS use](https://news.example/ap)');
  });

  it('GIVEN the alert message was deleted by a moderator THEN the update is posted anew', async () => {
    const target = channel('410000000000000003');
    const result = await delivery.edit({ key: 'alert:9', channel: target, reply: alert([reuters, ap]), messageIds: ['999999999999999999'] });
    expect(result.ok).toBe(true);
    expect(fake.channelMessages('410000000000000003')).toHaveLength(2);
  });

  it('GIVEN article text says @everyone THEN the posted alert pings no one; a configured alert role is the only ping', async () => {
    fake.addChannel('410000000000000004');
    await delivery.send({ key: 'alert:10', channel: channel('410000000000000004'), reply: alert([reuters], '@everyone @here the ban is lifted <@&111111111111111111>') });
    expect(fake.channelMessages('410000000000000004')[0]!.pings).toEqual({ everyone: false, roles: [], users: [] });
    roles.set('410000000000000004', '222222222222222222');
    await delivery.send({ key: 'alert:11', channel: channel('410000000000000004'), reply: alert([reuters], '@everyone the ban is lifted') });
    expect(fake.channelMessages('410000000000000004')[1]!.pings).toEqual({ everyone: false, roles: ['222222222222222222'], users: [] });
  });

  it.each([
    ['no-access', 'discord/50001', /cannot see #policy-news[\s\S]*View Channel/],
    ['no-permission', 'discord/50013', /may not post in #policy-news[\s\S]*Send Messages/],
    ['unknown', 'discord/10003', /no longer exists/],
  ] as const)('GIVEN a channel the bot cannot use (%s) THEN delivery is dead with words, not retried', async (access, code, words) => {
    const id = `42000000000000000${access.length}`;
    if (access !== 'unknown') fake.addChannel(id, access);
    const result = await delivery.send({ key: `alert:${access}`, channel: channel(id), reply: alert([reuters]) });
    expect(result).toMatchObject({ ok: false, retry: false, code });
    expect(result.ok ? '' : result.message).toMatch(words);
  });

  it('GIVEN Discord answers 429 THEN @discordjs/rest waits out retry_after and the message is posted once', async () => {
    fake.addChannel('410000000000000005');
    fake.rateLimitNext('POST', /^\/channels\/410000000000000005\/messages$/, 0.05);
    const result = await delivery.send({ key: 'alert:12', channel: channel('410000000000000005'), reply: alert([reuters]) });
    expect(result.ok).toBe(true);
    expect(fake.channelMessages('410000000000000005')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/channels/410000000000000005/messages')).toHaveLength(2);
  });
});
