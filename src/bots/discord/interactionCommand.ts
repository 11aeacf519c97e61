import type { Command } from '../../core/commands/command.ts';

/** What a chat-input interaction chose: `/brief-admin subscribe digest time:08:00 zone:…`. */
export interface ChosenCommand {
  readonly root: string;
  readonly group: string | null;
  readonly subcommand: string | null;
  readonly option: (name: string) => string | null;
}

/**
 * Discord's typed options → the core's typed Command. Where an argument has rules the core's
 * grammar owns (a topic id's shape, a URL, HH:MM, an IANA zone), the adapter hands over the
 * canonical `/brief …` text instead, so every platform is held to the same rules and the core
 * writes the error message. Options Discord already constrains (choices, required) map directly.
 */
export function interactionInput(chosen: ChosenCommand): Command | string {
  const words = [chosen.group, chosen.subcommand].filter(Boolean).join(' ');
  const get = (name: string) => chosen.option(name)?.trim() || undefined;
  // An id is one word in the grammar: "has spaces" must not become the topic "has" (and, for
  // remove, delete the wrong one). A visible non-space joiner keeps it one word that no id
  // matches, so the core refuses it or answers "no such topic".
  const id = (name: string) => get(name)?.replace(/\s+/g, '·');
  switch (words) {
    case 'ask': {
      // Discord requires the text, but it may be only spaces: the grammar then says what is missing.
      const question = get('question');
      return question ? { name: 'ask', question } : 'ask';
    }
    case 'search': {
      const query = get('query');
      return query ? { name: 'search', query } : 'search';
    }
    case 'digest': {
      const window = get('window');
      return { name: 'digest', window: window === 'today' || window === 'week' ? window : 'since-last' };
    }
    case 'status':
    case 'timeline': {
      const policy = get('policy');
      return policy ? { name: words, policy } : { name: words };
    }
    case 'preview':
      return get('what') === 'alert' ? { name: 'preview', what: 'alert' } : { name: 'preview', what: 'digest' };
    case 'help': {
      const topic = get('command');
      return topic ? { name: 'help', topic } : { name: 'help' };
    }
    case 'topics list':
      return { name: 'topics', action: 'list' };
    case 'feeds list':
      return { name: 'feeds', action: 'list' };
    case 'topics remove':
      return `topics remove ${id('name') ?? ''}`;
    case 'topics add':
      return `topics add ${id('name') ?? ''} ${get('query') ?? ''}`;
    case 'feeds add':
    case 'feeds remove':
    case 'feeds check':
      return `${words} ${get('url') ?? ''}`;
    case 'subscribe digest':
      return `subscribe digest ${get('time') ?? ''} ${get('zone') ?? ''}`;
    case 'subscribe alerts':
    case 'unsubscribe alerts': {
      const target = id('target');
      return target ? `${words} ${target}` : words;
    }
    case 'unsubscribe digest':
      return { name: 'unsubscribe', kind: 'digest' };
    default:
      // A command registered by an older version: let the core name it and show the usage.
      return words || chosen.root;
  }
}
