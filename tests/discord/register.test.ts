import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCommands, restClient } from '../../src/bots/discord/index.ts';
import { registerDiscord, registerSlashCommands } from '../../src/cli/commands/discord.ts';
import type { Config } from '../../src/core/config/config.ts';
import { USAGE } from '../../src/core/commands/grammar.ts';
import { DiscordFake } from '../fakes/discordFake.ts';

type Option = { type: number; name: string; required?: boolean; autocomplete?: boolean; choices?: { value: string }[]; options?: Option[] };
type Body = { name: string; default_member_permissions?: string | null; contexts?: number[]; options: Option[] };

/** Every runnable path of a command: "ask", "topics list", "subscribe digest". */
const paths = (body: Body) =>
  body.options.flatMap((o) => (o.type === 2 ? (o.options ?? []).map((s) => `${o.name} ${s.name}`) : o.type === 1 ? [o.name] : []));
const leaf = (body: Body, path: string) => {
  const [first, second] = path.split(' ');
  const top = body.options.find((o) => o.name === first)!;
  return second ? top.options!.find((o) => o.name === second)! : top;
};

/**
 * `newsbrief discord register …` through commander and the real command file, in-process (a
 * child process costs seconds of start-up here): only stdout is captured.
 */
async function register(fake: DiscordFake, ...args: string[]): Promise<{ stdout: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  try {
    const program = new Command('newsbrief').option('--db <path>').option('--json').exitOverride();
    registerDiscord(program);
    await program.parseAsync(['node', 'newsbrief', 'discord', 'register', ...args]);
  } finally {
    write.mockRestore();
    process.env = saved;
  }
  return { stdout: chunks.join('') };
}

describe('newsbrief discord register', () => {
  let fake: DiscordFake;
  beforeAll(async () => {
    fake = await DiscordFake.start();
  });
  afterAll(async () => fake?.close());

  it('GIVEN --guild THEN the CLI registers the whole /brief grammar in that server with one PUT, admin subcommands behind Manage Server', async () => {
    const { stdout } = await register(fake, '--guild', fake.guildId, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ scope: 'guild', guildId: fake.guildId, commands: [{ name: 'brief' }, { name: 'brief-admin' }] });
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    const [brief, admin] = put.body as Body[];
    expect(paths(brief!).sort()).toEqual(['ask', 'digest', 'feeds check', 'feeds list', 'help', 'preview', 'search', 'status', 'timeline', 'topics list'].sort());
    expect(paths(admin!).sort()).toEqual(['feeds add', 'feeds remove', 'subscribe alerts', 'subscribe digest', 'topics add', 'topics remove', 'unsubscribe alerts', 'unsubscribe digest'].sort());
    // Every subcommand of the core grammar is reachable from Discord.
    const reachable = new Set([...paths(brief!), ...paths(admin!)].map((p) => p.split(' ')[0]));
    expect([...reachable].sort()).toEqual(Object.keys(USAGE).sort());
    expect(brief!.default_member_permissions ?? null).toBeNull();
    expect(admin!.default_member_permissions).toBe('32');
    expect(admin!.contexts).toEqual([0]);
    expect(leaf(brief!, 'ask').options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true })]);
    expect(leaf(brief!, 'digest').options?.[0]?.choices?.map((c) => c.value)).toEqual(['today', 'week']);
    expect(leaf(brief!, 'status').options?.[0]).toMatchObject({ name: 'policy', autocomplete: true });
    expect(leaf(admin!, 'subscribe digest').options?.map((o) => [o.name, o.required, o.autocomplete ?? false])).toEqual([['time', true, false], ['zone', true, true]]);
    expect(leaf(admin!, 'topics remove').options?.[0]).toMatchObject({ name: 'name', autocomplete: true });
  });

  it('GIVEN it runs twice THEN the second PUT is identical and the commands keep their ids', async () => {
    const rest = restClient(fake.token, fake.apiUrl);
    const first = await registerCommands(rest, fake.applicationId, fake.guildId);
    const second = await registerCommands(rest, fake.applicationId, fake.guildId);
    expect(second).toEqual(first);
    const puts = fake.commandPuts.filter((p) => p.scope === fake.guildId);
    expect(puts.at(-1)!.body).toEqual(puts.at(-2)!.body);
  });

  it('GIVEN no guild THEN it registers globally, for production', async () => {
    const registration = await registerCommands(restClient(fake.token, fake.apiUrl), fake.applicationId);
    expect(registration.scope).toBe('global');
    expect(fake.commandPuts.at(-1)!.scope).toBe('global');
  });

  it('GIVEN a malformed server id or missing credentials THEN registration is refused with how to fix it, and calls nothing', async () => {
    const before = fake.requests.length;
    const config = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl } as Config;
    await expect(registerSlashCommands(config, 'my-server')).rejects.toThrow(/not a server id[\s\S]*Copy Server ID/);
    await expect(registerSlashCommands({ ...config, DISCORD_TOKEN: undefined }, undefined)).rejects.toThrow(/Set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    expect(fake.requests.length).toBe(before);
  });
});
