import { checkReport } from '../../feedRegistry/checkReport.ts';
import type { FeedError, ParsedFeed } from '../../feedRegistry/feedItem.ts';
import { feedView } from '../../feedRegistry/feedView.ts';
import { errorReply, infoReply, type Reply } from '../../reply.ts';
import { appError, err, ok, type Result } from '../../result.ts';
import type { Handler } from '../handler.ts';
import type { CommandContext } from '../context.ts';

const SHOWN_ITEMS = 5;

function list({ core }: CommandContext): Reply {
  const views = core.feeds.list().map((feed) => feedView(feed, core.clock.now()));
  if (views.length === 0) return infoReply('No feeds yet', 'Add one with /brief feeds add <url>.', { data: { feeds: [] } });
  const failing = views.filter((v) => v.status !== 'ok' && v.status !== 'new').length;
  return {
    kind: 'info',
    title: `${views.length} feed${views.length === 1 ? '' : 's'}${failing ? `, ${failing} not working` : ''}`,
    sections: [{ fields: views.map((v) => ({ name: v.title ? `${v.title} — ${v.url}` : v.url, value: v.health })) }],
    data: { feeds: views },
  };
}

function add(url: string, { core }: CommandContext): Reply {
  const added = core.feeds.add(url);
  if (!added.ok) return errorReply('Feed not added', added.error.message, { code: added.error.code });
  const { feed, created, resumed } = added.value;
  const text = created
    ? 'It is polled on the next cycle. Its current items are recorded without alerts; only later items can alert.'
    : resumed
      ? 'It was paused after repeated failures; it is polled again on the next cycle.'
      : 'It was already followed.';
  return infoReply(created ? 'Feed added' : resumed ? 'Feed resumed' : 'Feed already followed', `${feed.url}\n${text}`, { data: { feed: feedView(feed, core.clock.now()), created, resumed } });
}

function remove(url: string, { core }: CommandContext): Reply {
  const removed = core.feeds.remove(url);
  if (!removed.ok) return errorReply('Feed not removed', removed.error.message, { code: removed.error.code });
  return infoReply('Feed removed', `${removed.value.url} is no longer polled. Articles already stored stay in the corpus.`, { data: { feed: removed.value.url } });
}

/** Fetch and parse without storing: what would this feed give us? */
async function check(url: string, { core }: CommandContext): Promise<Reply> {
  const source = core.ports.feedSource;
  if (!source) return errorReply('Cannot check feeds here', 'The feed fetcher is not running in this process.', { code: 'feeds/no-fetcher' });
  // No validators are sent, so the answer is a whole feed or an error, never a 304.
  const fetched = await source.fetch(url);
  const parsed: Result<ParsedFeed, FeedError> = !fetched.ok
    ? fetched
    : fetched.value.kind === 'fetched'
      ? ok(fetched.value.feed)
      : err(appError('feeds/not-modified', 'the server answered "not modified" to an unconditional request'));
  const report = checkReport(parsed);
  if (!report.ok) return errorReply('That feed does not work', `${url}: ${report.error!.message}`, report);
  return {
    kind: 'info',
    title: `${report.feed.title ?? url}: ${report.items.length} item${report.items.length === 1 ? '' : 's'}`,
    sections: [
      {
        sources: report.items.slice(0, SHOWN_ITEMS).map((item) => ({ title: item.title ?? item.id, url: item.link ?? undefined, publishedAt: item.publishedAt ?? undefined, outlet: report.feed.title ?? undefined })),
      },
    ],
    footer: 'Checked only: nothing was stored.',
    data: report,
  };
}

export const feeds: Handler<'feeds'> = (command, context) => {
  switch (command.action) {
    case 'list':
      return list(context);
    case 'add':
      return add(command.url, context);
    case 'remove':
      return remove(command.url, context);
    case 'check':
      return check(command.url, context);
  }
};
