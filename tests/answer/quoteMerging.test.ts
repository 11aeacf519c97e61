import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const QUOTE = 'Officials said the Pentagon will send forty new Bradley fighting vehicles to Kharkiv next month.';

describe('one quote, every outlet that carried it', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('merges the same sentence reported by three outlets into one quote with three sources', () => {
    temp = tempCore();
    const outlets = [
      ['Reuters', '2024-10-01', 'https://example.com/reuters/bradleys'],
      ['AP', '2024-10-02', 'https://example.com/ap/bradleys'],
      ['CNN', '2024-10-03', 'https://example.com/cnn/bradleys'],
    ] as const;
    outlets.forEach(([outlet, date, url], i) =>
      temp!.core.ingestor.ingest({
        title: `${outlet}: armoured vehicles for Ukraine ${i}`,
        // Wire copy: the same sentence, once with a trailing attribution trimmed away.
        text: `${i === 1 ? QUOTE.replace(' next month', '') : QUOTE}\n\nOther coverage differs in outlet number ${i} wording entirely.`,
        outlet,
        url,
        publishedAt: date,
      }),
    );
    const answer = temp.core.answers.ask('How many Bradley armoured vehicles is the Pentagon shipping to Kharkiv?');
    expect(answer.document.status).toBe('answered');
    expect(answer.quotes).toHaveLength(1);
    expect(answer.quotes[0]!.sources.map((s) => s.outlet).sort()).toEqual(['AP', 'CNN', 'Reuters']);
    expect(answer.document.citations).toHaveLength(3);
    // One quote, but each citation carries the words its own outlet printed: AP trimmed "next month".
    const quoteBy = Object.fromEntries(answer.document.citations.map((c) => [c.outlet, c.quote]));
    expect(quoteBy).toEqual({ Reuters: QUOTE, CNN: QUOTE, AP: QUOTE.replace(' next month', '') });
    for (const citation of answer.document.citations) expect(answer.document.answer).toContain(citation.quote);
    // The text answer links each source, as the JSON does.
    expect(answer.document.answer).toContain('AP, 2024-10-02, https://example.com/ap/bradleys');
    expect(answer.document.asOf).toBe('2024-10-03T00:00:00.000Z');
  });

  it('keeps different sentences from the same article as separate quotes', () => {
    temp = tempCore();
    temp.core.ingestor.ingest({
      title: 'Bradleys and Abrams for Ukraine',
      text: `${QUOTE}\n\nOfficials said the Pentagon will send twelve Abrams tanks to Kharkiv after the Bradley fighting vehicles.`,
      outlet: 'Reuters',
      publishedAt: '2024-10-01',
    });
    const answer = temp.core.answers.ask('What armoured vehicles will the Pentagon send to Kharkiv?');
    expect(answer.quotes.length).toBeGreaterThanOrEqual(1);
    expect(answer.quotes.every((q) => q.sources.length === 1)).toBe(true);
  });
});
