import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.ts';
import type { FeedItem } from '../../src/core/feedRegistry/feedItem.ts';
import { signature, similarity } from '../../src/core/stories/minHash.ts';
import { parseFeedFile } from '../../src/feeds/feedFile.ts';
import { describeWithShared, FIXTURES_DIR } from '../support/shared.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

let temp: TempCore | undefined;
afterEach(() => temp?.cleanup());

/** Ingests one feed's items as one outlet; returns each item's story id, by item title. */
function ingestFeed(core: Core, outlet: string, items: readonly FeedItem[]): Map<string, number | null> {
  const stories = new Map<string, number | null>();
  for (const item of items) {
    const report = core.ingestor.ingest({ title: item.title, text: item.text || item.title || '', url: item.link, outlet, guid: `${outlet}:${item.guid}` });
    const storyId = report.status === 'duplicate' ? core.articles.get(report.duplicateOf!)!.storyId : ((report.storyId as number | undefined) ?? null);
    stories.set(item.title ?? '', storyId);
  }
  return stories;
}

const WIRE = `Ukraine's military said on Tuesday it struck an ammunition depot in Russia's Bryansk region overnight using Western-supplied missiles, in what officials described as one of the deepest strikes of the war. The attack followed weeks of debate in Washington over whether to allow Kyiv to use long-range weapons inside Russian territory. Russian officials said air defences intercepted most of the missiles and that debris caused a fire but no casualties.`;

describe('story clustering of near-duplicates', () => {
  it('links a syndicated copy with a new headline and a trimmed ending to the original story', () => {
    temp = tempCore();
    const { core } = temp;
    const original = core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'Reuters' });
    const copy = core.ingestor.ingest({
      title: 'Kyiv hits ammunition depot deep inside Russia',
      text: `${WIRE.split('. ').slice(0, 2).join('. ')}. (Additional reporting by staff.)`,
      outlet: 'Yahoo News',
    });
    expect(copy.status).toBe('new');
    expect(copy).toMatchObject({ storyId: original.storyId, duplicateOf: original.id });
    const unrelated = core.ingestor.ingest({ title: 'Heatwave grips southern Europe', text: 'Temperatures above 40C were recorded across Spain, Italy and Greece on Tuesday as authorities issued red alerts and urged residents to stay indoors during the hottest hours of the day.', outlet: 'BBC' });
    expect(unrelated.storyId).not.toBe(original.storyId);
    expect(unrelated.duplicateOf).toBeNull();
    expect(core.articles.get(copy.id!)!.storyId).toBe(original.storyId);
  });

  it('estimates Jaccard similarity from MinHash signatures', () => {
    expect(similarity(signature(WIRE), signature(WIRE))).toBe(1);
    expect(similarity(signature(WIRE), signature('A completely different text about football results and the weather in Lisbon this weekend.'))).toBeLessThan(0.1);
  });

  it('tracks the true share of shared 3-word shingles, from a copy with one word changed to a rewrite', () => {
    const wireWords = `${WIRE} ${WIRE.split(' ').reverse().join(' ')}`.split(' ');
    const shingleSet = (ws: readonly string[]) => new Set(ws.slice(2).map((_, i) => ws.slice(i, i + 3).join(' ').toLowerCase()));
    const errors: number[] = [];
    // Every k-th word replaced by a word of its own: k = 2 leaves almost nothing shared, k = 60 almost everything.
    for (const every of [2, 3, 4, 6, 8, 12, 20, 40, 60]) {
      const changed = wireWords.map((word, i) => (i % every === every - 1 ? `changed${i}` : word));
      const a = shingleSet(wireWords);
      const b = shingleSet(changed);
      const shared = [...a].filter((s) => b.has(s)).length;
      const jaccard = shared / (a.size + b.size - shared);
      errors.push(Math.abs(similarity(signature(wireWords.join(' ')), signature(changed.join(' '))) - jaccard));
    }
    expect(Math.max(...errors)).toBeLessThan(0.15);
    expect(errors.reduce((sum, e) => sum + e, 0) / errors.length).toBeLessThan(0.06);
  });
});

const FEEDS = join(FIXTURES_DIR, 'feeds');

describeWithShared('story clustering on real syndicated feeds', () => {
  async function items(path: string): Promise<readonly FeedItem[]> {
    const parsed = await parseFeedFile(join(FEEDS, path), 10 * 1024 * 1024);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value.items;
  }

  async function measure(base: string, variants: string[]): Promise<{ pairs: number; joined: number }> {
    temp = tempCore();
    const original = ingestFeed(temp.core, base, await items(base));
    let pairs = 0;
    let joined = 0;
    for (const variant of variants) {
      for (const [title, storyId] of ingestFeed(temp.core, variant, await items(variant))) {
        if (!original.has(title)) continue;
        pairs += 1;
        if (storyId !== null && storyId === original.get(title)) joined += 1;
      }
    }
    temp.cleanup();
    temp = undefined;
    return { pairs, joined };
  }

  it('joins the three xml:base variants of one feed into the same stories', async () => {
    const base = 'node-feedparser/feeds/tpm.atom';
    const result = await measure(base, ['node-feedparser/feeds/tpm-with-empty-base.atom', 'node-feedparser/feeds/tpm-with-fragment-base.atom']);
    console.log(`[stories] xml:base variants: ${result.joined}/${result.pairs} items joined their original's story`);
    expect(result.pairs).toBeGreaterThan(0);
    expect(result.joined / result.pairs).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps different posts apart: Reddit’s RSS (2015) and Atom (2016) snapshots share no post, so none may join', async () => {
    temp = tempCore();
    const rss = ingestFeed(temp.core, 'reddit-rss', await items('rss-parser/input/reddit.rss'));
    const atom = ingestFeed(temp.core, 'reddit-atom', await items('rss-parser/input/reddit-atom.rss'));
    const rssStories = new Set([...rss.values()].filter((id) => id !== null));
    const falseJoins = [...atom.values()].filter((id) => id !== null && rssStories.has(id)).length;
    // Within one snapshot, distinct stored posts stay apart too. (Link-only posts, "submitted by … [link]
    // [comments]", have no text left after ingest cleaning and are not stored: their story is null.)
    const stored = [...rss.values()].filter((id) => id !== null);
    console.log(`[stories] Reddit RSS vs Atom: ${falseJoins}/${atom.size} Atom items wrongly joined an RSS story; ${new Set(stored).size} stories for ${stored.length} stored RSS posts`);
    expect(falseJoins).toBe(0);
    expect(new Set(stored).size).toBe(stored.length);
  });
});
