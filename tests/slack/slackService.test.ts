import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackService } from '../../src/cli/slackService.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { loadConfig, type Config } from '../../src/core/config/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { SlackFake } from '../fakes/slackFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const configOf = (env: Record<string, string>): Config => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};

describe('npm start runs Slack next to the other services when its tokens are set', () => {
  let fake: SlackFake;
  let temp: TempCore;
  beforeAll(async () => {
    fake = await new SlackFake().start();
    temp = tempCore();
  });
  afterAll(async () => {
    await fake.stop();
    temp.cleanup();
  });
  const runtime = (env: Record<string, string>): Runtime => ({ config: configOf(env), core: temp.core, logger: silentLogger() });

  it('stays off without a bot token, saying which key to set', () => {
    expect(slackService.wanted(runtime({}))).toEqual({ on: false, reason: expect.stringContaining('SLACK_BOT_TOKEN') });
  });

  it('picks HTTP with a signing secret and Socket Mode with an app token', () => {
    expect(slackService.wanted(runtime({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toEqual({ on: true, detail: 'HTTP on port 3001' });
    expect(slackService.wanted(runtime({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual({ on: true, detail: 'Socket Mode' });
  });

  it('connects over Socket Mode, lends the outbox its delivery port while running, and takes it back on stop', async () => {
    const running = await slackService.start(runtime({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl }));
    try {
      expect(running.summary).toBe('Socket Mode connected');
      await fake.waitFor(() => fake.socket.connected === 1);
      expect(temp.core.delivery.ports.get('slack')?.platform).toBe('slack');
    } finally {
      await running.stop();
    }
    expect(temp.core.delivery.ports.get('slack')).toBeUndefined();
  });
});
