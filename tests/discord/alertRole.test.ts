import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordDelivery, restClient } from '../../src/bots/discord/index.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { DiscordFake, FAKE_GUILD_ID } from '../fakes/discordFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const news = { platform: 'discord', workspace: FAKE_GUILD_ID, channel: '430000000000000001' } as const;
const other = { ...news, channel: '430000000000000002' } as const;

describe('the alert role, configured per channel', () => {
  let temp: TempCore;
  let fake: DiscordFake;
  beforeAll(async () => {
    temp = tempCore();
    fake = await DiscordFake.start();
  });
  afterAll(async () => {
    await fake?.close();
    temp?.cleanup();
  });

  it('GIVEN a role set for one channel THEN only that channel has it, and it can be cleared', () => {
    expect(temp.core.channelSettings.setAlertRole(news, '987654321098765432').ok).toBe(true);
    expect(temp.core.channelSettings.alertRole(news)).toBe('987654321098765432');
    expect(temp.core.channelSettings.alertRole(other)).toBeUndefined();
    temp.core.channelSettings.setAlertRole(news, undefined);
    expect(temp.core.channelSettings.alertRole(news)).toBeUndefined();
  });

  it('GIVEN something that is not a role id THEN it is refused with how to copy one', () => {
    const result = temp.core.channelSettings.setAlertRole(news, '@everyone');
    expect(result).toMatchObject({ ok: false, error: { code: 'channel-settings/bad-role', message: expect.stringMatching(/Copy Role ID/) } });
    expect(temp.core.channelSettings.alertRole(news)).toBeUndefined();
  });

  it('GIVEN a channel with an alert role THEN its policy alerts ping that role and its digests ping no one', async () => {
    fake.addChannel(news.channel);
    temp.core.channelSettings.setAlertRole(news, '987654321098765432');
    const delivery = new DiscordDelivery(restClient(fake.token, fake.apiUrl), silentLogger(), { alertRoleFor: (c) => temp.core.channelSettings.alertRole(c) });
    await delivery.send({ key: 'alert:1', channel: news, reply: { kind: 'alert', title: 'Policy change', sections: [{ text: 'Strikes permitted.' }] } });
    await delivery.send({ key: 'digest:1', channel: news, reply: { kind: 'digest', title: 'Digest', sections: [{ text: 'Quiet day.' }] } });
    const [alert, digest] = fake.channelMessages(news.channel);
    expect(alert!.pings.roles).toEqual(['987654321098765432']);
    expect(digest!.pings).toEqual({ everyone: false, roles: [], users: [] });
  });
});
