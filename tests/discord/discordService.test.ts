import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordService } from '../../src/cli/discordService.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/core/config/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { DiscordFake } from '../fakes/discordFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('the discord service that npm start runs', () => {
  let fake: DiscordFake;
  let temp: TempCore;
  beforeAll(async () => {
    fake = await DiscordFake.start();
    temp = tempCore();
  });
  afterAll(async () => {
    await fake?.close();
    temp?.cleanup();
  });

  const runtime = (env: Record<string, string>): Runtime => {
    const config = loadConfig(env);
    if (!config.ok) throw new Error(config.error.message);
    return { config: config.value, logger: silentLogger(), core: temp.core };
  };

  it('GIVEN no Discord token THEN it stays off and says which keys turn it on', () => {
    expect(discordService.wanted(runtime({}))).toEqual({ on: false, reason: expect.stringMatching(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/) });
  });

  it('GIVEN the tokens and DISCORD_API_URL THEN it connects through that base, serves delivery for discord channels, and stops cleanly', async () => {
    const configured = runtime({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(discordService.wanted(configured)).toEqual({ on: true });
    const running = await discordService.start(configured);
    try {
      expect(fake.identifies).toBe(1);
      expect(running.summary).toMatch(/newsbrief.* in 1 server/);
      expect(temp.core.delivery.ports.get('discord')?.platform).toBe('discord');
    } finally {
      await running.stop();
    }
    expect(temp.core.delivery.ports.get('discord')).toBeUndefined();
  });
});
