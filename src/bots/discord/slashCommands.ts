import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandStringOption,
} from 'discord.js';
import { SUBCOMMANDS } from '../../core/commands/grammar.ts';

/**
 * The `/brief` grammar of DESIGN.md as Discord application commands.
 *
 * Discord puts `default_member_permissions` on a whole top-level command, never on one
 * subcommand. So the subcommands that change shared state (topics add/remove, feeds
 * add/remove, subscribe, unsubscribe) live under `/brief-admin`, which Discord shows only to
 * members with Manage Server; everything everyone may do stays under `/brief`. The adapter
 * checks the right again at run time, because a server can re-grant the command to anyone.
 */
export const BRIEF = 'brief';
export const BRIEF_ADMIN = 'brief-admin';

const text = (name: string, description: string, required: boolean, max = 200) => (option: SlashCommandStringOption) =>
  option.setName(name).setDescription(description).setRequired(required).setMaxLength(max);

const autocompleted = (name: string, description: string, required: boolean) => (option: SlashCommandStringOption) =>
  text(name, description, required, 100)(option).setAutocomplete(true);

function briefCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(BRIEF)
    .setDescription('Follow one policy story across many outlets')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
  command
    .addSubcommand((s) => s.setName('ask').setDescription('Answer a question from the news, with quotes and sources').addStringOption(text('question', 'What do you want to know?', true, 500)))
    .addSubcommand((s) =>
      s.setName('digest').setDescription('What changed since the last digest, today or this week')
        .addStringOption((o) => o.setName('window').setDescription('Since the last digest when left out').addChoices({ name: 'today', value: 'today' }, { name: 'week', value: 'week' })),
    )
    .addSubcommand((s) => s.setName('status').setDescription('The current state of a tracked policy, with evidence').addStringOption(autocompleted('policy', 'Which policy (all when left out)', false)))
    .addSubcommand((s) => s.setName('timeline').setDescription('Every change of a tracked policy, in order').addStringOption(autocompleted('policy', 'Which policy (all when left out)', false)))
    .addSubcommand((s) => s.setName('search').setDescription('Find articles').addStringOption(text('query', 'Words to look for', true, 300)))
    .addSubcommandGroup((g) => g.setName('topics').setDescription('Topics this channel follows').addSubcommand((s) => s.setName('list').setDescription('List the topics this channel follows')))
    .addSubcommandGroup((g) =>
      g.setName('feeds').setDescription('Feeds the bot polls')
        .addSubcommand((s) => s.setName('list').setDescription('List the feeds and their health'))
        .addSubcommand((s) => s.setName('check').setDescription('Fetch a feed once and say what it holds').addStringOption(text('url', 'The feed URL (http or https)', true, 2000))),
    )
    .addSubcommand((s) =>
      s.setName('preview').setDescription('Show what a digest or an alert would post here')
        .addStringOption((o) => o.setName('what').setDescription('Digest or alert').setRequired(true).addChoices({ name: 'digest', value: 'digest' }, { name: 'alert', value: 'alert' })),
    )
    .addSubcommand((s) =>
      s.setName('help').setDescription('How to use newsbrief')
        .addStringOption((o) => o.setName('command').setDescription('Help on one command').addChoices(...SUBCOMMANDS.map((name) => ({ name, value: name })))),
    );
  return command;
}

function briefAdminCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(BRIEF_ADMIN)
    .setDescription('Change what newsbrief follows and posts here (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  const target = autocompleted('target', 'A policy or topic id (all alerts when left out)', false);
  command
    .addSubcommandGroup((g) =>
      g.setName('topics').setDescription('Topics this channel follows')
        .addSubcommand((s) => s.setName('add').setDescription('Follow a topic').addStringOption(text('name', 'Short id: letters, digits, - or _', true, 64)).addStringOption(text('query', 'e.g. (ATACMS OR "Storm Shadow") AND Russia -Crimea', true, 1000)))
        .addSubcommand((s) => s.setName('remove').setDescription('Stop following a topic').addStringOption(autocompleted('name', 'The topic id', true))),
    )
    .addSubcommandGroup((g) =>
      g.setName('feeds').setDescription('Feeds the bot polls')
        .addSubcommand((s) => s.setName('add').setDescription('Poll a new feed').addStringOption(text('url', 'The feed URL (http or https)', true, 2000)))
        .addSubcommand((s) => s.setName('remove').setDescription('Stop polling a feed').addStringOption(text('url', 'The feed URL', true, 2000))),
    )
    .addSubcommandGroup((g) =>
      g.setName('subscribe').setDescription('Post digests or alerts in this channel')
        .addSubcommand((s) => s.setName('digest').setDescription('A daily digest at your hour').addStringOption(text('time', 'HH:MM, 24-hour', true, 5)).addStringOption(autocompleted('zone', 'IANA time zone, e.g. Europe/Kyiv', true)))
        .addSubcommand((s) => s.setName('alerts').setDescription('Alerts when a policy changes').addStringOption(target)),
    )
    .addSubcommandGroup((g) =>
      g.setName('unsubscribe').setDescription('Stop digests or alerts in this channel')
        .addSubcommand((s) => s.setName('digest').setDescription('Stop the daily digest'))
        .addSubcommand((s) => s.setName('alerts').setDescription('Stop alerts').addStringOption(target)),
    );
  return command;
}

/** The body of the bulk-overwrite PUT: the same every time, so registering twice changes nothing. */
export function slashCommandBodies(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [briefCommand().toJSON(), briefAdminCommand().toJSON()];
}
