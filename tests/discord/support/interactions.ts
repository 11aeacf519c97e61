import { FAKE_GUILD_ID, type DiscordFake, type FakeInteraction } from '../../fakes/discordFake.ts';

export const CHANNEL_ID = '400000000000000001';
/** View Channel + Send Messages: an ordinary member. */
export const MEMBER = String((1n << 10n) | (1n << 11n));
/** … plus Manage Server. */
export const MANAGER = String((1n << 10n) | (1n << 11n) | (1n << 5n));

export interface SlashOptions {
  readonly root?: string;
  readonly group?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly permissions?: string;
  /** Marks this option as the one being typed: an autocomplete interaction (type 4). */
  readonly focused?: string;
}

/** What Discord sends when a member runs `/brief <sub> …` in the fake guild's channel. */
export function slash(fake: DiscordFake, subcommand: string, o: SlashOptions = {}): FakeInteraction {
  const leaf = Object.entries(o.options ?? {}).map(([name, value]) => ({ type: 3, name, value, ...(o.focused === name ? { focused: true } : {}) }));
  const sub = { type: 1, name: subcommand, options: leaf };
  const options = o.group ? [{ type: 2, name: o.group, options: [sub] }] : [sub];
  const permissions = o.permissions ?? MEMBER;
  return fake.dispatchInteraction({
    type: o.focused ? 4 : 2,
    guild_id: FAKE_GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, name: 'news-0', guild_id: FAKE_GUILD_ID },
    member: {
      user: { id: '500000000000000001', username: 'reader', discriminator: '0', avatar: null, global_name: 'Reader' },
      roles: [], permissions, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0,
    },
    data: { id: '600000000000000001', name: o.root ?? 'brief', type: 1, options },
    locale: 'en-US', guild_locale: 'en-US', app_permissions: MANAGER, entitlements: [],
    authorizing_integration_owners: { '0': FAKE_GUILD_ID }, context: 0,
  });
}

/** Polls until `check` passes (protocol round trips are asynchronous); fails with its last error. */
export async function eventually<T>(check: () => T, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
