import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/core/corpus/articleFile.ts';
import { describeWithShared, FIXTURES_DIR } from '../support/shared.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { GOLDEN_QUESTIONS, type GoldenQuestion } from './goldenQuestions.ts';

/**
 * Bars from the measured figures (47 questions: hit@1 0.872 = 41/47, hit@3 0.957 = 45/47) less
 * one question of room; the hit@1 bar is also the floor of 85%. A change that makes
 * answers worse fails here. Since "use" is no longer read as "US" and named people must be in
 * their quotes (tests/answer/namesInQuestions.test.ts): 40/47 and 44/47, on the bars. The two
 * questions lost were near-ties (scores within 1%) that the old "use" = US match tipped.
 */
const HIT_AT_1_BAR = 0.85;
const HIT_AT_3_BAR = 0.93;

const contains = (text: string, facts: readonly string[]): boolean =>
  facts.some((fact) => text.toLowerCase().includes(fact.toLowerCase()));

describeWithShared('answers to the golden questions (seeds + ../shared/fixtures/news)', () => {
  let temp: TempCore;
  beforeAll(() => {
    temp = tempCore({ seed: true });
    const dir = join(FIXTURES_DIR, 'news');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const parsed = parseArticleFile(readFileSync(join(dir, file), 'utf8'), file);
      for (const article of parsed.articles) temp.core.ingestor.ingest(article, { quiet: true });
    }
  });
  afterAll(() => temp.cleanup());

  const answerable = GOLDEN_QUESTIONS.filter((q): q is GoldenQuestion & { facts: string[] } => q.facts !== null);
  const offTopic = GOLDEN_QUESTIONS.filter((q) => q.facts === null);

  it('has at least 40 paraphrased questions, some of which the corpus cannot answer', () => {
    expect(answerable.length).toBeGreaterThanOrEqual(40);
    expect(offTopic.length).toBeGreaterThanOrEqual(5);
  });

  it(`quotes the right sentence first for at least ${HIT_AT_1_BAR * 100}% of paraphrased questions`, () => {
    const misses: string[] = [];
    let hit1 = 0;
    let hit3 = 0;
    const firstBySource = new Map<string, { asked: number; first: number }>();
    for (const golden of answerable) {
      const { document, quotes } = temp.core.answers.ask(golden.question);
      const first = quotes[0]?.text ?? '';
      const bySource = firstBySource.get(golden.from) ?? { asked: 0, first: 0 };
      firstBySource.set(golden.from, bySource);
      bySource.asked += 1;
      if (contains(first, golden.facts)) {
        hit1 += 1;
        bySource.first += 1;
      }
      if (quotes.slice(0, 3).some((q) => contains(q.text, golden.facts))) hit3 += 1;
      else misses.push(`  ${document.status} | ${golden.question}\n    expected ${golden.facts.join(' / ')}; got: ${first.slice(0, 140)}`);
    }
    const at1 = hit1 / answerable.length;
    const at3 = hit3 / answerable.length;
    const perSource = [...firstBySource].map(([from, { asked, first }]) => `${from} ${first}/${asked}`).join(', ');
    console.log(`golden questions: ${answerable.length} answerable, hit@1 ${at1.toFixed(3)}, hit@3 ${at3.toFixed(3)} (right sentence first: ${perSource})`);
    if (misses.length > 0) console.log(`not in the first three quotes:\n${misses.join('\n')}`);
    expect(at1).toBeGreaterThanOrEqual(HIT_AT_1_BAR);
    expect(at3).toBeGreaterThanOrEqual(HIT_AT_3_BAR);
  });

  it.each(offTopic.map((q) => q.question))('says the corpus has nothing on “%s” and quotes nothing', (question) => {
    const { document } = temp.core.answers.ask(question);
    expect(document.status).toBe('no-answer');
    expect(document.citations).toEqual([]);
  });
});
