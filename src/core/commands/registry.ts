import type { HandlerMap } from './handler.ts';
import { ask } from './handlers/ask.ts';
import { help } from './handlers/help.ts';
import { search } from './handlers/search.ts';
import { feeds } from './handlers/feeds.ts';
import { topics } from './handlers/topics.ts';
import { status } from './handlers/status.ts';
import { timeline } from './handlers/timeline.ts';
import { digest } from './handlers/digest.ts';
import { preview } from './handlers/preview.ts';
import { subscribe, unsubscribe } from './handlers/subscribe.ts';

/** One handler per subcommand. Features swap their entry when they land. */
export const handlers: HandlerMap = {
  help,
  search,
  ask,
  digest,
  status,
  timeline,
  topics,
  feeds,
  subscribe,
  unsubscribe,
  preview,
};
