import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/core/feedRegistry/canonicalUrl.ts';
import { itemKey } from '../../src/core/feedRegistry/itemKey.ts';
import { HostLimiter } from '../../src/feeds/hostLimiter.ts';
import { normaliseItem } from '../../src/feeds/itemNormaliser.ts';

describe('canonical URLs', () => {
  it('drops tracking parameters, fragments and default ports, and keeps real query parameters', () => {
    expect(canonicalUrl('HTTPS://Example.com:443/a?utm_source=rss&id=7&fbclid=x#top')).toBe('https://example.com/a?id=7');
    expect(canonicalUrl('https://example.com/a?utm_campaign=x&gclid=y')).toBe('https://example.com/a');
    expect(canonicalUrl('/news/1?ref=home', 'https://example.com/feed.xml')).toBe('https://example.com/news/1?ref=home');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
});

describe('feed item normalisation', () => {
  it('turns HTML into text, dates into UTC and relative links into canonical absolute ones', () => {
    const item = normaliseItem(
      {
        guid: 'tag:example.com,2024:1',
        title: 'Strikes <b>near</b> Kharkiv &amp; Belgorod',
        link: '/world/strikes?utm_source=rss#comments',
        pubDate: 'Sat, 14 Sep 2024 12:30:00 +0300',
        content: '<p>First paragraph about the strikes.</p><p>Second paragraph, with <a href="/x">a link</a>.</p><img src="x.jpg">',
      },
      'https://news.example.com/feed.xml',
    );
    expect(item).toMatchObject({
      guid: 'tag:example.com,2024:1',
      title: 'Strikes near Kharkiv & Belgorod',
      link: 'https://news.example.com/world/strikes',
      publishedAt: '2024-09-14T09:30:00.000Z',
      text: 'First paragraph about the strikes.\n\nSecond paragraph, with a link.',
    });
  });

  it('tolerates a missing or nonsense date, and uses a permalink guid when there is no link', () => {
    const item = normaliseItem({ guid: 'https://example.com/p/9', title: 'No date', pubDate: 'yesterday-ish' }, undefined);
    expect(item.publishedAt).toBeUndefined();
    expect(item.link).toBe('https://example.com/p/9');
  });

  it('keys an item by guid, then canonical link, then title and date', () => {
    expect(itemKey({ guid: 'g1', link: 'https://a/1', title: 'T', text: '' })).toBe('guid:g1');
    expect(itemKey({ link: 'https://a/1', title: 'T', text: '' })).toBe('link:https://a/1');
    expect(itemKey({ title: 'Same Title', publishedAt: '2024-09-14T00:00:00.000Z', text: '' })).toBe('title:same title|2024-09-14T00:00:00.000Z');
  });
});

describe('politeness', () => {
  it('runs at most one request per host at a time, and a bounded number overall', async () => {
    const limiter = new HostLimiter(2);
    const active = new Map<string, number>();
    let overall = 0;
    let maxOverall = 0;
    let maxPerHost = 0;
    const job = (host: string) =>
      limiter.run(host, async () => {
        active.set(host, (active.get(host) ?? 0) + 1);
        overall += 1;
        maxOverall = Math.max(maxOverall, overall);
        maxPerHost = Math.max(maxPerHost, active.get(host)!);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active.set(host, active.get(host)! - 1);
        overall -= 1;
      });
    await Promise.all(['a', 'a', 'a', 'b', 'b', 'c', 'd', 'a'].map(job));
    expect(maxPerHost).toBe(1);
    expect(maxOverall).toBe(2);
  });
});
