import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/bots/slack/slackApp.ts';
import { SlackFake } from '../fakes/slackFake.ts';
import { tempCore } from '../support/tempCore.ts';
import { SlackTestbed } from './slackTestbed.ts';

/** Slack's own rules: an unsigned, wrongly signed or replayed request is refused before any work. */
describe('Slack HTTP requests are verified before anything runs', () => {
  let bed: SlackTestbed;
  beforeAll(async () => {
    bed = await SlackTestbed.start('http');
  });
  afterAll(async () => bed.stop());
  beforeEach(() => bed.reset());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  it('refuses a tampered signature with 401, calls no Slack API and answers nothing', async () => {
    expect((await bed.slash('ask anything', { tamper: true })).status).toBe(401);
    await settle();
    expect(bed.fake.calls).toEqual([]);
    expect(bed.fake.responses).toEqual([]);
  });

  it('refuses a request signed with another secret with 401', async () => {
    expect((await bed.slash('feeds add https://x.example/rss', { secret: 'not-the-secret' })).status).toBe(401);
    await settle();
    expect(bed.fake.calls).toEqual([]);
    expect(bed.fake.responses).toEqual([]);
  });

  it('refuses a replay older than five minutes with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 30;
    expect((await bed.slash('ask anything', { timestamp: stale })).status).toBe(401);
    await settle();
    expect(bed.fake.calls).toEqual([]);
    expect(bed.fake.responses).toEqual([]);
  });

  it('accepts the same request correctly signed (the checks above are not refusing everything)', async () => {
    expect((await bed.slash('help')).status).toBe(200);
    await bed.fake.waitForResponses(1);
  });
});

describe('Slack refuses to start with a wrong token, and says which one', () => {
  let fake: SlackFake;
  beforeAll(async () => {
    fake = await new SlackFake().start();
  });
  afterAll(async () => fake.stop());

  it('does not start with a wrong app-level token, and says Slack refused it', async () => {
    const temp = tempCore();
    const adapter = createSlackAdapter({
      core: temp.core,
      settings: { botToken: fake.botToken, mode: 'socket', appToken: 'xapp-wrong', port: 0, apiUrl: fake.apiUrl, adminUsers: [] },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/Slack rejected SLACK_APP_TOKEN .*\(invalid_auth\)/);
      expect(fake.socket.connected).toBe(0);
    } finally {
      await adapter.stop().catch(() => undefined);
      temp.cleanup();
    }
  });

  it('does not start with a wrong bot token, naming SLACK_BOT_TOKEN', async () => {
    const temp = tempCore();
    const adapter = createSlackAdapter({
      core: temp.core,
      settings: { botToken: 'xoxb-wrong', mode: 'socket', appToken: fake.appToken, port: 0, apiUrl: fake.apiUrl, adminUsers: [] },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/Slack rejected SLACK_BOT_TOKEN .*\(invalid_auth\)/);
    } finally {
      await adapter.stop().catch(() => undefined);
      temp.cleanup();
    }
  });
});
