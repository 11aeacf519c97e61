import type { ChannelRef } from '../../core/commands/command.ts';
import { isValidTimeZone } from '../../core/commands/timeOfDay.ts';
import type { Core } from '../../core/core.ts';
import { DISCORD_LIMITS } from './discordLimits.ts';
import { truncate } from './discordMarkdown.ts';

export interface Choice {
  /** What the member sees, e.g. "us — US weapons against targets inside Russia". */
  readonly name: string;
  /** What the command receives: the id. */
  readonly value: string;
}

/** Where suggestions come from; each list is read on every keystroke, so it must be cheap. */
export interface AutocompleteSources {
  topics(channel: ChannelRef): readonly Choice[];
  policies(): readonly Choice[];
}

export const noLookups: AutocompleteSources = { topics: () => [], policies: () => [] };

/** "id — name" when the name says more than the id; the command receives the id. */
const choice = (id: string, name: string): Choice => ({ name: name && name !== id ? `${id} — ${name}` : id, value: id });

/**
 * Lookups from the core: tracked policies from `core.policies`, the channel's topics (its own,
 * or the defaults it follows) from `core.topics`.
 */
export function coreLookups(core: Core): AutocompleteSources {
  return {
    policies: () => core.policies.definitions.map((p) => choice(p.id, p.name)),
    topics: (channel) => core.topics.forChannel(channel).topics.map((t) => choice(t.topic, t.name)),
  };
}

/**
 * ICU lists some zones under their old CLDR names (Node 20 offers "Europe/Kiev", not
 * "Europe/Kyiv"). People type today's IANA names, and Intl accepts them, so suggest those.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Godthab': 'America/Nuuk',
};

let zones: readonly string[] | undefined;
/** Every IANA zone this Node knows under its current name, plus UTC (which `supportedValuesOf` leaves out). */
function timeZones(): readonly string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').map((zone) => RENAMED[zone] ?? zone).filter(isValidTimeZone)];
  return zones;
}

/** Which list an option draws from, by its name in slashCommands.ts. */
function candidates(option: string, channel: ChannelRef, sources: AutocompleteSources): readonly Choice[] {
  switch (option) {
    case 'zone':
      return timeZones().map((zone) => ({ name: zone, value: zone }));
    case 'policy':
      return sources.policies();
    case 'name':
      return sources.topics(channel);
    case 'target':
      return [...sources.policies(), ...sources.topics(channel)];
    default:
      return [];
  }
}

/**
 * Up to 25 suggestions for what was typed so far: names starting with it first, then names
 * containing it ("kyiv" finds Europe/Kyiv), case-insensitive, each at most 100 characters.
 */
export function suggest(option: string, typed: string, channel: ChannelRef, sources: AutocompleteSources): Choice[] {
  const needle = typed.trim().toLowerCase();
  // A value longer than Discord allows could never be sent back: leave it out. Long names are cut.
  const all = candidates(option, channel, sources)
    .filter((choice) => choice.value.length <= DISCORD_LIMITS.choiceText)
    .map((choice) => ({ name: truncate(choice.name, DISCORD_LIMITS.choiceText), value: choice.value }));
  const starts = all.filter((c) => c.value.toLowerCase().startsWith(needle) || c.name.toLowerCase().startsWith(needle));
  const contains = all.filter((c) => !starts.includes(c) && c.name.toLowerCase().includes(needle));
  const unique = [...new Map([...starts, ...contains].map((c) => [c.value, c])).values()];
  return unique.slice(0, DISCORD_LIMITS.autocompleteChoices);
}
