import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../../src/bots/discord/index.ts';
import type { Command } from '../../src/core/commands/command.ts';
import type { CommandContext } from '../../src/core/commands/context.ts';
import { notAvailableYet } from '../../src/core/commands/handler.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { Reply } from '../../src/core/reply.ts';
import { DiscordFake, FAKE_GUILD_ID, type FakeInteraction } from '../fakes/discordFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { CHANNEL_ID, eventually, MANAGER, slash } from './support/interactions.ts';

const EPHEMERAL = 64;
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; color?: number };
const embedsOf = (message: { embeds: unknown[] } | undefined) => (message?.embeds ?? []) as Embed[];
const textOf = (message: { embeds: unknown[] } | undefined) => JSON.stringify(embedsOf(message));

/** Discord's three seconds are generous locally; what matters is one acknowledgement, then edits. */
async function settled(interaction: FakeInteraction, expected: (i: FakeInteraction) => void) {
  await eventually(() => expected(interaction));
  return interaction;
}

/**
 * Replies from features other issues own (ask, timeline) are built here, so these tests say
 * what the adapter does with them whatever state those features are in; search, help,
 * grammar errors and refusals take the real path through runCommand.
 */
const ANSWER: Reply = {
  kind: 'answer',
  title: 'Did the US allow ATACMS strikes inside Russia?',
  sections: [{ quotes: [{ text: 'The United States has given Ukraine permission to use ATACMS inside Russia.', sources: [{ outlet: 'Example Wire', title: 'US allows strikes', url: 'https://news.example/2024/11/17/atacms-permission', publishedAt: '2024-11-17' }] }] }],
  footer: 'As of 2024-11-17',
};
const standIns = async (input: string | Command, context: CommandContext): Promise<Reply> => {
  if (typeof input !== 'string' && input.name === 'ask') return ANSWER;
  if (typeof input !== 'string' && input.name === 'timeline') return notAvailableYet('The policy timeline');
  return runCommand(input, context);
};

describe('/brief in Discord, through the real discord.js against a local Discord', () => {
  let fake: DiscordFake;
  let temp: TempCore;
  let bot: DiscordBot;
  const logged: string[] = [];
  beforeAll(async () => {
    fake = await DiscordFake.start();
    temp = tempCore({ seed: true });
    temp.core.ingestor.ingest({
      title: 'US allows Ukraine to strike deep inside Russia with ATACMS',
      outlet: 'Example Wire',
      url: 'https://news.example/2024/11/17/atacms-permission',
      publishedAt: '2024-11-17',
      text: 'The United States has given Ukraine permission to use ATACMS long-range missiles to strike inside Russia, officials said on Sunday. The decision lifts a ban that had stood for months.',
    });
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    bot = await startDiscordBot({ core: temp.core, logger, token: fake.token, apiUrl: fake.apiUrl, run: standIns });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    temp?.cleanup();
  });

  it('GIVEN a member asks a question THEN the bot defers, then edits the reply into quoted embeds whose sources are links', async () => {
    const interaction = await settled(slash(fake, 'ask', { options: { question: 'did the US allow ATACMS strikes inside Russia?' } }), (i) => expect(i.original?.edits).toBe(1));
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    const [first] = embedsOf(interaction.original);
    expect(first?.color).toBe(0x3b7dd8);
    expect(first?.title).toBe('Did the US allow ATACMS strikes inside Russia?');
    expect(first?.description).toBe('> “The United States has given Ukraine permission to use ATACMS inside Russia.”\n— [Example Wire — US allows strikes](https://news.example/2024/11/17/atacms-permission) · 2024-11-17');
    expect(interaction.original?.flags).toBe(0);
  });

  it('GIVEN a member searches THEN the results arrive in the edited reply, each source a link with outlet and date', async () => {
    const interaction = await settled(slash(fake, 'search', { options: { query: 'ban that had stood for months' } }), (i) => expect(i.original?.edits).toBe(1));
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    expect(embedsOf(interaction.original)[0]?.title).toMatch(/ban that had stood/);
    expect(textOf(interaction.original)).toContain('• [Example Wire — US allows Ukraine to strike deep inside Russia with ATACMS](https://news.example/2024/11/17/atacms-permission) · 2024-11-17');
  });

  it('GIVEN /brief help THEN it is answered at once, only to the asker', async () => {
    const interaction = await settled(slash(fake, 'help'), (i) => expect(i.callbacks).toHaveLength(1));
    expect(interaction.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(embedsOf(interaction.original)[0]?.fields?.length).toBeGreaterThanOrEqual(10);
  });

  it('GIVEN a member without Manage Server runs an admin subcommand THEN it is refused, ephemerally, and nothing changes', async () => {
    const interaction = await settled(
      slash(fake, 'digest', { root: 'brief-admin', group: 'subscribe', options: { time: '08:00', zone: 'Europe/Kyiv' } }),
      (i) => expect(i.callbacks).toHaveLength(1),
    );
    expect(interaction.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(textOf(interaction.original)).toContain('Manage Server');
    const channel = { platform: 'discord', workspace: FAKE_GUILD_ID, channel: CHANNEL_ID } as const;
    expect(temp.core.delivery.subscriptions.find(channel, 'digest', '')).toBeUndefined();
  });

  it('GIVEN a manager gives a bad time of day THEN the core grammar explains it, ephemerally, without a defer', async () => {
    const interaction = await settled(
      slash(fake, 'digest', { root: 'brief-admin', group: 'subscribe', options: { time: '25:00', zone: 'Europe/Kyiv' }, permissions: MANAGER }),
      (i) => expect(i.callbacks).toHaveLength(1),
    );
    expect(interaction.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(textOf(interaction.original)).toMatch(/not a time of day/);
  });

  it('GIVEN a deferred command ends in an ephemeral reply THEN the public placeholder is removed and the answer is shown only to the asker', async () => {
    const interaction = await settled(slash(fake, 'timeline'), (i) => expect(i.followups).toHaveLength(1));
    expect(interaction.callbacks.map((c) => c.type)).toEqual([5]);
    expect(interaction.original?.deleted).toBe(true);
    expect(interaction.followups[0]?.flags).toBe(EPHEMERAL);
  });

  it('GIVEN a manager types part of a time zone THEN autocomplete offers matching IANA zones, prefix matches first', async () => {
    const interaction = await settled(
      slash(fake, 'digest', { root: 'brief-admin', group: 'subscribe', options: { time: '08:00', zone: 'kyi' }, focused: 'zone', permissions: MANAGER }),
      (i) => expect(i.callbacks).toHaveLength(1),
    );
    expect(interaction.callbacks[0]).toMatchObject({ type: 8, data: { choices: [{ name: 'Europe/Kyiv', value: 'Europe/Kyiv' }] } });
  });

  it('GIVEN a member types a policy id THEN autocomplete offers the tracked policies by id and name', async () => {
    const interaction = await settled(slash(fake, 'status', { options: { policy: 'u' }, focused: 'policy' }), (i) => expect(i.callbacks).toHaveLength(1));
    const choices = (interaction.callbacks[0]?.data as { choices: { name: string; value: string }[] }).choices;
    const ids = temp.core.policies.definitions.map((p) => p.id).filter((id) => id.startsWith('u'));
    expect(ids.length).toBeGreaterThan(0);
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(ids));
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });

  it("GIVEN a manager removing a topic THEN autocomplete offers this channel's topics by id", async () => {
    const here = { platform: 'discord', workspace: FAKE_GUILD_ID, channel: CHANNEL_ID } as const;
    expect(temp.core.topics.add(here, 'long-range', '(ATACMS OR "Storm Shadow") AND Russia').ok).toBe(true);
    const interaction = await settled(
      slash(fake, 'remove', { root: 'brief-admin', group: 'topics', options: { name: 'long' }, focused: 'name', permissions: MANAGER }),
      (i) => expect(i.callbacks).toHaveLength(1),
    );
    const choices = (interaction.callbacks[0]?.data as { choices: { value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('long-range');
  });

  it('GIVEN the gateway connection drops THEN discord.js resumes the session and commands keep working', async () => {
    const resumes = fake.resumes;
    fake.dropConnections();
    await eventually(() => expect(fake.resumes).toBe(resumes + 1), 15_000);
    const interaction = await settled(slash(fake, 'help'), (i) => expect(i.callbacks).toHaveLength(1));
    expect(interaction.callbacks[0]?.type).toBe(4);
  });

  it('GIVEN Discord has already expired an interaction (10062) THEN the bot logs it and keeps answering others', async () => {
    const expired = slash(fake, 'search', { options: { query: 'Kharkiv' } });
    fake.interactions.delete(expired.id);
    await eventually(() => expect(fake.refusals.filter((r) => r.code === 10062)).toHaveLength(1));
    await eventually(() => expect(logged.some((line) => line.includes('could not answer an interaction'))).toBe(true));
    const next = await settled(slash(fake, 'help'), (i) => expect(i.callbacks).toHaveLength(1));
    expect(next.callbacks[0]?.type).toBe(4);
  });

  it('never acknowledges an interaction twice nor sends a message Discord refuses', () => {
    expect(fake.refusals.filter((r) => r.code === 40060 || r.code === 50035)).toEqual([]);
    // The only unknown interaction is the one the test expired on purpose.
    expect(fake.refusals.filter((r) => r.code === 10062)).toHaveLength(1);
  });
});
