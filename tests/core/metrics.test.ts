import { describe, expect, it } from 'vitest';
import { CoreMetrics } from '../../src/core/metrics.ts';

function counting(): { metrics: CoreMetrics; counted: [string, number][] } {
  const metrics = new CoreMetrics();
  const counted: [string, number][] = [];
  metrics.addSink({ increment: (name, _labels, by) => counted.push([name, by]), observe: () => undefined });
  return { metrics, counted };
}

describe('metrics of work that may be rolled back', () => {
  it('counts held work when it returns', () => {
    const { metrics, counted } = counting();
    const result = metrics.deferred(() => {
      metrics.increment('alerts');
      expect(counted).toEqual([]);
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(counted).toEqual([['alerts', 1]]);
  });

  it('drops the counts of work that throws, and rethrows', () => {
    const { metrics, counted } = counting();
    expect(() =>
      metrics.deferred(() => {
        metrics.increment('items_ingested', {}, 3);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    metrics.increment('alerts');
    expect(counted).toEqual([['alerts', 1]]);
  });

  it('keeps an inner success and drops an inner failure inside work that returns', () => {
    const { metrics, counted } = counting();
    metrics.deferred(() => {
      metrics.deferred(() => metrics.increment('items_ingested'));
      try {
        metrics.deferred(() => {
          metrics.increment('items_ingested');
          throw new Error('this item failed');
        });
      } catch {
        metrics.increment('feed_polls');
      }
    });
    expect(counted).toEqual([
      ['items_ingested', 1],
      ['feed_polls', 1],
    ]);
  });
});
