import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig, redactConfig } from '../../src/core/config/config.ts';

describe('configuration', () => {
  it('starts with nothing set: the web chat on loopback and the default database', () => {
    const config = loadConfig({});
    expect(config.ok && config.value).toMatchObject({ WEB_HOST: '127.0.0.1', WEB_PORT: 3000, NEWSBRIEF_DB: 'data/newsbrief.db' });
  });

  it('names the key and how to fix it when a value is malformed', () => {
    const config = loadConfig({ WEB_PORT: 'eighty' });
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.error.message).toMatch(/WEB_PORT: .*"eighty".*\.env/);
  });

  it('never repeats a secret in an error message or a log', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'super-secret-token' });
    expect(config.ok).toBe(false);
    if (!config.ok) {
      expect(config.error.message).toContain('DISCORD_APPLICATION_ID');
      expect(config.error.message).not.toContain('super-secret-token');
    }
    const ok = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 'shh' });
    expect(ok.ok && JSON.stringify(redactConfig(ok.value))).not.toMatch(/xoxb-secret|shh/);
  });

  it('lists every key in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(configSchema.shape)));
  });
});
