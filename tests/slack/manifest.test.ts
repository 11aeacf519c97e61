import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';

/** gray-matter's YAML reader (already a dependency) parses the manifest as front matter. */
const manifest = matter(`---\n${readFileSync(resolve(import.meta.dirname, '../../slack/manifest.yaml'), 'utf8')}\n---\n`).data as {
  features: { slash_commands: { command: string; url: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url: string }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
};

describe('slack/manifest.yaml creates an app the adapter can work with', () => {
  it('declares /brief, the Home tab, the Post to channel button and app_home_opened', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/brief']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('asks for every scope the adapter calls need, and nothing it never uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['channels:history', 'channels:read', 'chat:write', 'commands', 'groups:history', 'groups:read', 'users:read']);
  });

  it('points every HTTP-mode URL at the one path Bolt listens on', () => {
    const urls = [...manifest.features.slash_commands.map((c) => c.url), manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });
});
