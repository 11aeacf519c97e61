import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../../src/bots/discord/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import { DiscordFake } from '../fakes/discordFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { CHANNEL_ID, eventually, MANAGER, slash } from './support/interactions.ts';

// Two reports of one decision that moves the US policy past the bundled corpus's May 2024 state.
const reuters = {
  title: 'Biden allows Ukraine to strike deep inside Russia with ATACMS',
  outlet: 'Reuters',
  url: 'https://news.example/reuters-atacms',
  publishedAt: '2024-11-17',
  text: 'President Joe Biden has authorized Ukraine to use ATACMS long-range missiles to strike deep inside Russia, two US officials said on Sunday. @everyone The first strikes are expected in the Kursk region.',
};
const ap = {
  title: 'US lets Ukraine fire ATACMS deep into Russia',
  outlet: 'AP',
  url: 'https://news.example/ap-atacms',
  publishedAt: '2024-11-17',
  text: 'The Biden administration has given Ukraine permission to use ATACMS to strike deep inside Russia, officials said. The decision lifts a long-standing ban.',
};

describe('a policy alert in Discord, from the subscribe command to the corroborating edit', () => {
  let fake: DiscordFake;
  let temp: TempCore;
  let bot: DiscordBot;
  let clock: ManualClock;
  beforeAll(async () => {
    fake = await DiscordFake.start();
    clock = new ManualClock('2024-11-18T12:00:00Z');
    temp = tempCore({ seed: true, clock });
    bot = await startDiscordBot({ core: temp.core, logger: silentLogger(), token: fake.token, apiUrl: fake.apiUrl });
    temp.core.delivery.ports.register(bot.delivery);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    temp?.cleanup();
  });

  it('GIVEN a manager subscribes the channel WHEN one outlet reports the change and a second confirms it THEN one alert is posted with linked sources, pings no one, and is edited in place', async () => {
    const subscribe = slash(fake, 'alerts', { root: 'brief-admin', group: 'subscribe', options: { target: 'us' }, permissions: MANAGER });
    await eventually(() => expect(subscribe.original?.edits ?? subscribe.followups.length).toBeGreaterThan(0));
    expect(JSON.stringify(subscribe.original?.embeds ?? subscribe.followups[0]?.embeds)).not.toMatch(/went wrong|Only admins/);

    const sender = new OutboxSender(temp.core.delivery.outbox, temp.core.delivery.ports, clock, silentLogger(), { random: () => 0.5 });
    temp.core.ingestor.ingest(reuters);
    expect((await sender.runOnce()).delivered).toBe(1);
    const posted = fake.channelMessages(CHANNEL_ID);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.pings).toEqual({ everyone: false, roles: [], users: [] });
    expect(posted[0]!.embeds[0]).toMatchObject({ color: 0xd64545 });
    expect(JSON.stringify(posted[0]!.embeds)).toContain('(https://news.example/reuters-atacms)');

    temp.core.ingestor.ingest(ap);
    clock.advance(60_000);
    await sender.runOnce();
    expect(fake.channelMessages(CHANNEL_ID)).toHaveLength(1);
    expect(posted[0]!.edits).toBe(1);
    expect(JSON.stringify(posted[0]!.embeds)).toContain('(https://news.example/ap-atacms)');
    expect(fake.refusals).toEqual([]);
  });
});
