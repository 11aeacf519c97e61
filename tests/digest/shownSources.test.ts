import { describe, expect, it } from 'vitest';
import type { Digest, DigestSource } from '../../src/core/digest/digest.ts';
import { digestReply } from '../../src/core/digest/digestReply.ts';
import { SOURCES_SHOWN, shownSources } from '../../src/core/digest/shownSources.ts';

const source = (outlet: string, n: number): DigestSource => ({ outlet, title: `${outlet} report ${n}`, url: `https://${outlet.toLowerCase()}.example/${n}`, publishedAt: `2024-11-17T${String(n).padStart(2, '0')}:00:00.000Z` });

describe('the sources listed under a digest entry', () => {
  it('lists every source of a story with five or fewer', () => {
    const sources = [source('CNN', 1), source('CNN', 2), source('Fox', 3)];
    expect(shownSources(sources)).toEqual({ shown: sources, more: 0, outlets: 2 });
  });

  it('shows each outlet’s first report before a second from any, in the story’s order', () => {
    const sources = [source('Wire', 1), source('Wire', 2), source('Wire', 3), source('Wire', 4), source('Wire', 5), source('Wire', 6), source('CNN', 7), source('Fox', 8)];
    const { shown, more, outlets } = shownSources(sources);
    expect(shown.map((s) => s.title)).toEqual(['Wire report 1', 'Wire report 2', 'Wire report 3', 'CNN report 7', 'Fox report 8']);
    expect({ more, outlets }).toEqual({ more: 3, outlets: 3 });
  });

  it('keeps a story reported 300 times to one entry of five sources that says how many more there are', () => {
    const sources = Array.from({ length: 300 }, (_, i) => source(['Wire', 'CNN', 'Fox'][i % 3]!, i % 24));
    const digest: Digest = {
      window: { since: '2024-11-17T00:00:00.000Z', until: '2024-11-18T00:00:00.000Z' },
      status: [],
      stories: [{ headline: 'Biden allows ATACMS strikes inside Russia', summary: 'President Biden has authorized Ukraine to strike deep inside Russia.', sources }],
      counts: { articles: 300, outlets: 3, stories: 1 },
    };
    const section = digestReply(digest).sections.find((s) => s.heading)!;
    expect(section.sources).toHaveLength(SOURCES_SHOWN);
    expect(section.text).toBe('President Biden has authorized Ukraine to strike deep inside Russia.\n+ 295 more reports (3 outlets in all)');
    // The JSON document keeps every source.
    expect(digestReply(digest).data).toMatchObject({ stories: [{ sources: expect.arrayContaining(sources) }] });
  });
});
