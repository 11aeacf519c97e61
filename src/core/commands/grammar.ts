import { appError, err, ok, type AppError, type Result } from '../result.ts';
import type { Command } from './command.ts';
import { canonicalTimeZone, isValidTimeZone, parseClockTime } from './timeOfDay.ts';

/** One line per subcommand: the usage people see in help and after a mistake. */
export const USAGE: Readonly<Record<string, string>> = {
  ask: '/brief ask <question>',
  digest: '/brief digest [today|week]',
  status: '/brief status [policy]',
  timeline: '/brief timeline [policy]',
  search: '/brief search <query>',
  topics: '/brief topics list | add <name> <query> | remove <name>',
  feeds: '/brief feeds list | add <url> | remove <url> | check <url>',
  subscribe: '/brief subscribe digest <HH:MM> <IANA zone> | subscribe alerts [policy|topic]',
  unsubscribe: '/brief unsubscribe digest | unsubscribe alerts [policy|topic]',
  preview: '/brief preview digest|alert',
  help: '/brief help [command]',
};

export const SUBCOMMANDS = Object.keys(USAGE);

export interface CommandError extends AppError {
  /** The usage line of the subcommand that went wrong, or the overview. */
  readonly usage: string;
}

const fail = (code: string, message: string, sub?: string): Result<never, CommandError> =>
  err({ ...appError(`commands/${code}`, message), usage: sub ? USAGE[sub]! : overview() });

export const overview = (): string => `Commands: ${SUBCOMMANDS.join(', ')}. Try /brief help.`;

/** Splits off the first word; the rest stays as typed (questions and queries keep their spacing). */
function firstWord(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return match ? [match[1]!.toLowerCase(), match[2]!.trim()] : ['', ''];
}

/**
 * Parses what a person typed after `/brief` (a leading `/brief` is tolerated). Never throws:
 * unknown subcommands and bad arguments come back as a CommandError with the usage line.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

export function parseCommand(input: string): Result<Command, CommandError> {
  // Zero-width characters (pasted from chat clients) are invisible in a reply: "/brief\u200bstatus" is status.
  const text = input.replace(INVISIBLE, ' ').trim().replace(/^\/?brief\b/i, '').trim();
  const [sub, rest] = firstWord(text);
  switch (sub) {
    case '':
    case 'help':
      return ok(rest ? { name: 'help', topic: firstWord(rest)[0] } : { name: 'help' });
    case 'ask':
      return rest ? ok({ name: 'ask', question: rest }) : fail('missing-argument', 'Ask what? Add a question.', sub);
    case 'search':
      return rest ? ok({ name: 'search', query: rest }) : fail('missing-argument', 'Search for what? Add some words.', sub);
    case 'digest':
      return parseDigest(rest);
    case 'status':
    case 'timeline':
      return ok(rest ? { name: sub, policy: firstWord(rest)[0] } : { name: sub });
    case 'topics':
      return parseTopics(rest);
    case 'feeds':
      return parseFeeds(rest);
    case 'subscribe':
      return parseSubscribe(rest);
    case 'unsubscribe':
      return parseUnsubscribe(rest);
    case 'preview':
      return rest === 'digest' || rest === 'alert'
        ? ok({ name: 'preview', what: rest })
        : fail('bad-argument', 'Preview what? Choose "digest" or "alert".', sub);
    default:
      return fail('unknown-subcommand', `"${sub.slice(0, 40)}" is not a /brief command.`);
  }
}

function parseDigest(rest: string): Result<Command, CommandError> {
  if (!rest) return ok({ name: 'digest', window: 'since-last' });
  if (rest === 'today' || rest === 'week') return ok({ name: 'digest', window: rest });
  return fail('bad-argument', `"${rest.slice(0, 40)}" is not a digest window; use today or week.`, 'digest');
}

function parseTopics(rest: string): Result<Command, CommandError> {
  const [action, args] = firstWord(rest);
  if (action === '' || action === 'list') return ok({ name: 'topics', action: 'list' });
  if (action === 'remove') {
    return args ? ok({ name: 'topics', action, topic: firstWord(args)[0] }) : fail('missing-argument', 'Remove which topic? Give its name.', 'topics');
  }
  if (action === 'add') {
    const [topic, query] = firstWord(args);
    if (!topic || !query) return fail('missing-argument', 'A topic needs a name and a query.', 'topics');
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(topic)) {
      return fail('bad-argument', 'A topic name is 1–64 letters, digits, "-" or "_".', 'topics');
    }
    return ok({ name: 'topics', action, topic, query });
  }
  return fail('bad-argument', `"${action.slice(0, 40)}" is not a topics action.`, 'topics');
}

function parseFeeds(rest: string): Result<Command, CommandError> {
  const [action, args] = firstWord(rest);
  if (action === '' || action === 'list') return ok({ name: 'feeds', action: 'list' });
  if (action === 'add' || action === 'remove' || action === 'check') {
    const url = args.replace(/^<(.*)>$/, '$1').split('|')[0]!.trim(); // Slack wraps links as <url|label>
    if (!url) return fail('missing-argument', `Which feed? Give its URL.`, 'feeds');
    if (!/^https?:\/\/\S+$/i.test(url)) return fail('bad-argument', `"${url.slice(0, 80)}" is not an http(s) URL.`, 'feeds');
    return ok({ name: 'feeds', action, url });
  }
  return fail('bad-argument', `"${action.slice(0, 40)}" is not a feeds action.`, 'feeds');
}

function parseSubscribe(rest: string): Result<Command, CommandError> {
  const [kind, args] = firstWord(rest);
  if (kind === 'alerts') {
    return ok(args ? { name: 'subscribe', kind, target: firstWord(args)[0] } : { name: 'subscribe', kind });
  }
  if (kind !== 'digest') return fail('bad-argument', 'Subscribe to "digest" or "alerts".', 'subscribe');
  const [time, zoneRest] = firstWord(args);
  const zone = zoneRest.trim();
  if (!time || !zone) return fail('missing-argument', 'A digest needs a time and a time zone, e.g. 08:00 Europe/Kyiv.', 'subscribe');
  const clock = parseClockTime(time);
  if (!clock) return fail('bad-time', `"${time.slice(0, 20)}" is not a time of day; use HH:MM, 00:00–23:59.`, 'subscribe');
  if (!isValidTimeZone(zone)) {
    return fail('bad-zone', `"${zone.slice(0, 60)}" is not a time zone; use an IANA name like Europe/Kyiv or America/New_York.`, 'subscribe');
  }
  return ok({ name: 'subscribe', kind, time: clock, zone: canonicalTimeZone(zone) });
}

function parseUnsubscribe(rest: string): Result<Command, CommandError> {
  const [kind, args] = firstWord(rest);
  if (kind === 'digest') return ok({ name: 'unsubscribe', kind });
  if (kind === 'alerts') {
    return ok(args ? { name: 'unsubscribe', kind, target: firstWord(args)[0] } : { name: 'unsubscribe', kind });
  }
  return fail('bad-argument', 'Unsubscribe from "digest" or "alerts".', 'unsubscribe');
}
