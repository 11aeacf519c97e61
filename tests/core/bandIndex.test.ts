import { describe, expect, it } from 'vitest';
import { BandIndex } from '../../src/core/stories/bandIndex.ts';
import { BANDS } from '../../src/core/stories/minHash.ts';

const buckets = (value: number): Int32Array => Int32Array.from({ length: BANDS }, (_, band) => value * 1000 + band);
/** The members of one (band, bucket): every other band asks for a bucket no article is in. */
const members = (index: BandIndex, band: number, bucket: number, limit = 20): number[] => {
  const out: number[] = [];
  const query = Int32Array.from({ length: BANDS }, (_, b) => (b === band ? bucket : -1));
  index.visitMembers(query, limit, (id) => out.push(id));
  return out;
};

describe('the in-memory LSH buckets', () => {
  it('gives a popular bucket’s newest members first, as many as asked', () => {
    const index = new BandIndex();
    // Enough articles to make the table grow and rehash several times.
    for (let id = 1; id <= 5_000; id++) index.add(id, buckets(id % 7 === 0 ? 7 : id));
    expect(members(index, 3, 7003, 5)).toEqual([4998, 4991, 4984, 4977, 4970]);
    expect(members(index, 0, 43 * 1000)).toEqual([43]);
    expect(members(index, 1, 43 * 1000)).toEqual([]); // same bucket value, other band
  });

  it('moves a re-signed article to its new buckets and keeps id order', () => {
    const index = new BandIndex();
    for (let id = 1; id <= 10; id++) index.add(id, buckets(1));
    index.add(4, buckets(2));
    index.add(20, buckets(2));
    index.add(3, buckets(2));
    expect(members(index, 5, 1005)).toEqual([10, 9, 8, 7, 6, 5, 2, 1]);
    expect(members(index, 5, 2005)).toEqual([20, 4, 3]);
  });

  it('walks every band at once, each band newest first and cut at the limit', () => {
    const index = new BandIndex();
    // Article n shares band (n mod 10) with the query, and no other band.
    const bucketsOf = (id: number) => Int32Array.from({ length: BANDS }, (_, band) => (band === id % 10 ? 777 : id * 100 + band));
    for (let id = 1; id <= 3_000; id++) index.add(id, bucketsOf(id));
    const visited: number[] = [];
    index.visitMembers(new Int32Array(BANDS).fill(777), 3, (id) => visited.push(id));
    expect(visited).toHaveLength(30);
    expect(visited.filter((id) => id % 10 === 0)).toEqual([3000, 2990, 2980]);
    for (let band = 1; band < 10; band++) expect(visited.filter((id) => id % 10 === band)).toEqual([2990 + band, 2980 + band, 2970 + band]);
  });

  it('forgets articles above an id (a rolled-back batch)', () => {
    const index = new BandIndex();
    for (let id = 1; id <= 100; id++) index.add(id, buckets(1));
    index.truncateAfter(60);
    expect(index.lastId).toBe(60);
    expect(members(index, 0, 1000, 3)).toEqual([60, 59, 58]);
    index.add(61, buckets(1));
    expect(members(index, 0, 1000, 2)).toEqual([61, 60]);
  });
});
