/** Every `/brief …` command as a typed value. Adapters produce these; handlers consume them. */
export type DigestWindow = 'since-last' | 'today' | 'week';

export type Command =
  | { readonly name: 'ask'; readonly question: string }
  | { readonly name: 'digest'; readonly window: DigestWindow }
  | { readonly name: 'status'; readonly policy?: string }
  | { readonly name: 'timeline'; readonly policy?: string }
  | { readonly name: 'search'; readonly query: string }
  | { readonly name: 'topics'; readonly action: 'list' }
  | { readonly name: 'topics'; readonly action: 'add'; readonly topic: string; readonly query: string }
  | { readonly name: 'topics'; readonly action: 'remove'; readonly topic: string }
  | { readonly name: 'feeds'; readonly action: 'list' }
  | { readonly name: 'feeds'; readonly action: 'add' | 'remove' | 'check'; readonly url: string }
  | { readonly name: 'subscribe'; readonly kind: 'digest'; readonly time: string; readonly zone: string }
  | { readonly name: 'subscribe'; readonly kind: 'alerts'; readonly target?: string }
  | { readonly name: 'unsubscribe'; readonly kind: 'digest' }
  | { readonly name: 'unsubscribe'; readonly kind: 'alerts'; readonly target?: string }
  | { readonly name: 'preview'; readonly what: 'digest' | 'alert' }
  | { readonly name: 'help'; readonly topic?: string };

export type CommandName = Command['name'];

/** Where a command came from: the scope for topics, subscriptions and digests. */
export interface ChannelRef {
  readonly platform: 'slack' | 'discord' | 'web' | 'cli';
  /** Slack team id, Discord guild id, 'local' for web and CLI. */
  readonly workspace: string;
  readonly channel: string;
  /** Human name for messages ("#policy-news"), when the platform gives one. */
  readonly channelName?: string;
}

export interface UserRef {
  readonly id: string;
  /** Decided by the adapter from the platform's own rights (Slack admin/owner, Discord Manage Server). */
  readonly isAdmin: boolean;
  /** Who may do admin things here, in the platform's words, for refusals. */
  readonly adminHint?: string;
}

/** Commands that change shared state need the platform's admin right. */
export function requiresAdmin(command: Command): boolean {
  switch (command.name) {
    case 'topics':
    case 'feeds':
      return command.action !== 'list' && !(command.name === 'feeds' && command.action === 'check');
    case 'subscribe':
    case 'unsubscribe':
      return true;
    default:
      return false;
  }
}
