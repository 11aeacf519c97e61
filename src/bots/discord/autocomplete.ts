import type { ChannelRef } from '../../core/commands/command.ts';
import { isValidTimeZone } from '../../core/commands/timeOfDay.ts';
import { DISCORD_LIMITS } from './discordLimits.ts';

/**
 * Where suggestions come from. Topic and policy ids belong to core features still landing
 * (core.topics, core.policies); the composition root passes lookups once they exist, and
 * until then those options simply suggest nothing (typing an id still works).
 */
export interface AutocompleteSources {
  topicIds(channel: ChannelRef): readonly string[];
  policyIds(): readonly string[];
}

export const noLookups: AutocompleteSources = { topicIds: () => [], policyIds: () => [] };

export interface Choice {
  readonly name: string;
  readonly value: string;
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
function candidates(option: string, channel: ChannelRef, sources: AutocompleteSources): readonly string[] {
  switch (option) {
    case 'zone':
      return timeZones();
    case 'policy':
      return sources.policyIds();
    case 'name':
      return sources.topicIds(channel);
    case 'target':
      return [...sources.policyIds(), ...sources.topicIds(channel)];
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
  const all = [...new Set(candidates(option, channel, sources))].filter((id) => id.length <= DISCORD_LIMITS.choiceText);
  const starts = all.filter((id) => id.toLowerCase().startsWith(needle));
  const contains = all.filter((id) => !id.toLowerCase().startsWith(needle) && id.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, DISCORD_LIMITS.autocompleteChoices).map((id) => ({ name: id, value: id }));
}
