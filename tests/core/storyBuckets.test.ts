import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const WIRE = `Ukraine's military said on Tuesday it struck an ammunition depot in Russia's Bryansk region overnight using Western-supplied missiles, in what officials described as one of the deepest strikes of the war. The attack followed weeks of debate in Washington over whether to allow Kyiv to use long-range weapons inside Russian territory. Russian officials said air defences intercepted most of the missiles and that debris caused a fire but no casualties.`;
const COPY = `${WIRE.split('. ').slice(0, 2).join('. ')}. (Additional reporting by staff.)`;
const OTHER = 'Temperatures above 40C were recorded across Spain, Italy and Greece on Tuesday as authorities issued red alerts and urged residents to stay indoors during the hottest hours of the day.';

let temp: TempCore | undefined;
let second: Core | undefined;
afterEach(() => {
  second?.close();
  second = undefined;
  temp?.cleanup();
  temp = undefined;
});

describe('story buckets kept in memory', () => {
  it('stores a near-duplicate wire copy in the story of an original another process ingested', () => {
    temp = tempCore();
    // Both processes are running; the other one has already looked for candidates once.
    second = createCore({ dbPath: temp.dbPath, clock: new ManualClock('2024-09-14T12:00:00Z') });
    second.ingestor.ingest({ title: 'Heatwave grips southern Europe', text: OTHER, outlet: 'BBC' });
    const original = temp.core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'Reuters' });
    const copy = second.ingestor.ingest({ title: 'Kyiv hits ammunition depot deep inside Russia', text: COPY, outlet: 'Yahoo News' });
    expect(copy).toMatchObject({ status: 'new', storyId: original.storyId, duplicateOf: original.id });
  });

  it('finds the stories of articles stored before a restart', () => {
    temp = tempCore();
    const original = temp.core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'Reuters' });
    temp.core.close();
    second = createCore({ dbPath: temp.dbPath, clock: new ManualClock('2024-09-14T12:00:00Z') });
    const copy = second.ingestor.ingest({ title: 'Kyiv hits ammunition depot deep inside Russia', text: COPY, outlet: 'Yahoo News' });
    expect(copy).toMatchObject({ storyId: original.storyId, duplicateOf: original.id });
  });

  it('does not join a story to an article whose ingest was rolled back', () => {
    temp = tempCore();
    const { core } = temp;
    expect(() =>
      core.articles.transaction(() => {
        core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'Reuters' });
        throw new Error('the feed poll failed');
      }),
    ).toThrow('the feed poll failed');
    // The next article takes the rolled-back one's id; the copy must not find the lost original.
    const other = core.ingestor.ingest({ title: 'Heatwave grips southern Europe', text: OTHER, outlet: 'BBC' });
    const copy = core.ingestor.ingest({ title: 'Kyiv hits ammunition depot deep inside Russia', text: COPY, outlet: 'Yahoo News' });
    expect(copy.duplicateOf).toBeNull();
    expect(copy.storyId).not.toBe(other.storyId);
    const again = core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'Reuters' });
    expect(again).toMatchObject({ storyId: copy.storyId, duplicateOf: copy.id });
  });

  it('keeps an updated article in its story and clusters later copies by its new text', () => {
    temp = tempCore();
    const { core } = temp;
    const first = core.ingestor.ingest({ title: 'Heatwave grips southern Europe', text: OTHER, outlet: 'BBC', url: 'https://bbc.example/heat' });
    const updated = core.ingestor.ingest({ title: 'Ukraine strikes Russian depot with Western missiles', text: WIRE, outlet: 'BBC', url: 'https://bbc.example/heat' });
    expect(updated).toMatchObject({ status: 'updated', id: first.id, storyId: first.storyId });
    core.ingestor.ingest({ title: 'Markets steady', text: 'Stocks in Europe were little changed on Wednesday as investors waited for central bank decisions later in the week.', outlet: 'FT' });
    const copy = core.ingestor.ingest({ title: 'Kyiv hits ammunition depot deep inside Russia', text: COPY, outlet: 'Yahoo News' });
    expect(copy).toMatchObject({ storyId: first.storyId, duplicateOf: first.id });
  });
});
