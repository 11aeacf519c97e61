import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const channel = { platform: 'slack' as const, workspace: 'T1', channel: 'C1' };
const window = { since: '2024-09-10T00:00:00Z', until: '2024-09-14T00:00:00Z' };
const report = (title: string, outlet: string, publishedAt: string, text: string) => ({ title, outlet, publishedAt, url: `https://${outlet.toLowerCase()}.example/${encodeURIComponent(title)}`, text });

describe("a channel's digest ranks by its own topics", () => {
  let t: TempCore;
  beforeEach(() => {
    t = tempCore({ clock: new ManualClock('2024-09-14T00:00:00Z') });
    for (const [id, query] of [['grain', 'grain'], ['ports', 'port*']] as const) expect(t.core.topics.add(channel, id, query).ok).toBe(true);
    for (const topic of t.core.topics.forChannel(channel).topics) if (!['grain', 'ports'].includes(topic.topic)) t.core.topics.remove(channel, topic.topic);
    t.core.ingestor.ingest(report('Grain shipments leave Odesa ports again', 'Reuters', '2024-09-11T08:00:00Z', 'Grain shipments left the Odesa ports on Wednesday after a week of delays caused by strikes.'));
    t.core.ingestor.ingest(report('Harvest estimate for grain raised', 'Bloomberg', '2024-09-12T08:00:00Z', 'Analysts raised the harvest estimate for grain after late rains helped the southern fields.'));
    t.core.ingestor.ingest(report('Football league opens its season', 'AP', '2024-09-13T08:00:00Z', 'The football league opened its season on Friday with a win for the home side.'));
  });
  afterEach(() => t.cleanup());

  it('holds only what matched its topics, and puts the story matching more of them first', () => {
    const digest = t.core.delivery.digests.build(window, channel);
    // Both stories come from one outlet each; the older one matched both topics, so it leads.
    expect(digest.stories.map((s) => s.headline)).toEqual(['Grain shipments leave Odesa ports again', 'Harvest estimate for grain raised']);
    expect(digest.counts).toEqual({ articles: 2, outlets: 2, stories: 2 });
  });

  it('without a channel, takes every article in the window, newest first among equals', () => {
    const digest = t.core.delivery.digests.build(window);
    expect(digest.stories.map((s) => s.headline)).toEqual(['Football league opens its season', 'Harvest estimate for grain raised', 'Grain shipments leave Odesa ports again']);
  });
});
