import type { Reply, ReplySection } from '../reply.ts';
import type { Digest, PolicyStatusLine } from './digest.ts';
import { shownSources } from './shownSources.ts';

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'unknown date');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "No change: US weapons …: Limited (over the border) — …, since 2024-05-30" or "CHANGED: …". */
export function statusText(status: readonly PolicyStatusLine[]): string {
  if (status.length === 0) return 'Policy status: no policy is tracked yet.';
  return status
    .map((line) => `${line.changed ? 'CHANGED' : 'No change'}: ${line.policy}: ${line.state}${line.since ? `, since ${day(line.since)}` : ''}`)
    .join('\n');
}

export function countsText(counts: Digest['counts']): string {
  return `${plural(counts.articles, 'article')} from ${plural(counts.outlets, 'outlet')}, ${plural(counts.stories, 'story').replace('storys', 'stories')}`;
}

/**
 * The digest as people read it: the policy status line and the window's signals first, then one
 * section per story with its sources, then the counts. A quiet window is one line.
 */
export function digestReply(digest: Digest, signals: readonly string[] = []): Reply {
  const title = `Digest ${day(digest.window.since)} → ${day(digest.window.until)}`;
  if (digest.stories.length === 0) {
    return {
      kind: 'digest',
      title,
      sections: [{ text: `Quiet: no new articles on your topics since ${digest.window.since.slice(0, 16).replace('T', ' ')} UTC. ${statusText(digest.status).split('\n')[0]}` }],
      footer: countsText(digest.counts),
      data: digest,
    };
  }
  const sections: ReplySection[] = [{ text: statusText(digest.status) }];
  if (signals.length > 0) sections.push({ heading: 'Signals', text: signals.map((s) => `• ${s}`).join('\n') });
  for (const story of digest.stories) {
    const { shown, more, outlets } = shownSources(story.sources);
    const rest = more > 0 ? `+ ${plural(more, 'more report')} (${plural(outlets, 'outlet')} in all)` : '';
    sections.push({
      heading: story.headline,
      text: [story.summary, rest].filter(Boolean).join('\n'),
      sources: shown.map((s) => ({ outlet: s.outlet ?? undefined, title: s.title, url: s.url ?? undefined, publishedAt: s.publishedAt ?? undefined })),
    });
  }
  return { kind: 'digest', title, sections, footer: countsText(digest.counts), data: digest };
}
