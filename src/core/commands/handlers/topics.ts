import type { Core } from '../../core.ts';
import { errorReply, infoReply, type Reply } from '../../reply.ts';
import type { TopicQueryError } from '../../topics/queryError.ts';
import type { TopicRecord } from '../../topics/topicRecord.ts';
import type { CommandContext } from '../context.ts';
import type { Handler } from '../handler.ts';

const topicData = (t: TopicRecord) => ({ id: t.topic, name: t.name, query: t.query, default: t.scope === null });

/** "unclosed quote at column 14" with the query and a caret under the column, for the CLI and chat. */
function queryErrorReply(query: string, error: TopicQueryError | { code: string; message: string }, title = 'That topic was not saved'): Reply {
  const column = 'column' in error ? error.column : undefined;
  const pointer = column !== undefined && query.length <= 120 ? `\n  ${query}\n  ${' '.repeat(Math.max(0, column - 1))}^` : '';
  return errorReply(title, `${error.message}${pointer}`, { code: error.code, ...(column !== undefined ? { column } : {}) });
}

function list({ core, channel }: CommandContext): Reply {
  const { topics, source } = core.topics.forChannel(channel);
  const data = { source, topics: topics.map(topicData) };
  if (topics.length === 0) return infoReply('No topics followed here', 'Add one with /brief topics add <name> <query>, e.g. /brief topics add strikes ATACMS "Storm Shadow"', { data });
  return {
    kind: 'info',
    title: source === 'defaults' ? `This channel follows the ${topics.length} default topics` : `${topics.length} topic${topics.length === 1 ? '' : 's'} followed here`,
    sections: [
      { fields: topics.map((t) => ({ name: t.name === t.topic ? t.topic : `${t.topic} — ${t.name}`, value: t.query })) },
      ...(source === 'defaults' ? [{ text: 'Adding or removing a topic gives this channel its own list, starting from these.' }] : []),
    ],
    data,
  };
}

function add(topic: string, query: string, { core, channel }: CommandContext): Reply {
  const added = core.topics.add(channel, topic, query);
  if (!added.ok) return queryErrorReply(query, added.error);
  const { record, replaced, matched } = added.value;
  const text = `${record.query}\nIt matches ${matched} of the stored articles; new articles are matched as they arrive.`;
  return infoReply(replaced ? `Topic ${record.topic} changed` : `Topic ${record.topic} added`, text, { data: { topic: topicData(record), replaced, matched } });
}

function remove(topic: string, { core, channel }: CommandContext): Reply {
  const removed = core.topics.remove(channel, topic);
  if (!removed.ok) return errorReply('Topic not removed', removed.error.message, { code: removed.error.code });
  return infoReply(`Topic ${removed.value.topic} removed`, 'This channel no longer follows it; other channels keep theirs.', { data: { topic: topicData(removed.value) } });
}

export const topics: Handler<'topics'> = (command, context) => {
  switch (command.action) {
    case 'list':
      return list(context);
    case 'add':
      return add(command.topic, command.query, context);
    case 'remove':
      return remove(command.topic, context);
  }
};

/**
 * Which stored articles a query would match, newest first: the preview before `topics add`.
 * Not a chat subcommand yet (the grammar has no `topics test`); the CLI calls it directly.
 */
export function topicTestReply(core: Core, query: string, limit = 10): Reply {
  const preview = core.topics.test(query, limit);
  if (!preview.ok) return queryErrorReply(query, preview.error, 'That query cannot be read');
  const { articles, matched, scanned } = preview.value;
  const data = {
    query,
    matched,
    scanned,
    articles: articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, url: a.url, publishedAt: a.publishedAt })),
  };
  if (matched === 0) return infoReply('No stored article matches', `None of the ${scanned} newest stored articles matches “${query.slice(0, 200)}”.`, { data });
  return {
    kind: 'answer',
    title: `${matched} of ${scanned} stored articles match`,
    sections: [{ sources: articles.map((a) => ({ outlet: a.outlet ?? undefined, title: a.title, url: a.url ?? undefined, publishedAt: a.publishedAt ?? undefined })) }],
    ...(matched > articles.length ? { footer: `Showing the newest ${articles.length}.` } : {}),
    data,
  };
}
