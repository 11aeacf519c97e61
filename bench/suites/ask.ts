/**
 * `npm run bench -- ask [--json] [--articles N]` (default 100,000 articles).
 *
 * The answer's latency against its floor, in one run on the same questions and database:
 * - ask: `core.answers.ask(question)` — analysis, two BM25 lookups, ranking, merging;
 * - floor (ftsP95Ms): one bare FTS5 BM25 query over articles_fts with the question's content
 *   words OR-ed, no expansion, LIMIT 10 — what any answer must at least cost;
 * - fresh (freshP95Ms): each question once with a word of its own, so no per-question cache helps.
 * Questions: the golden suite (tests/answer/goldenQuestions.ts), answerable and off-topic.
 * Corpus: the seeds and ../shared/fixtures/news through the real ingestor, then generated
 * articles (real AG News sentences, bench/corpusGenerator.ts) stored directly with their
 * sentences, since ingest speed is the ingest suite's business. The database is cached in
 * the temp dir per size, so a second run starts at once.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/core.ts';
import { isStopWord } from '../../src/core/answer/stopWords.ts';
import { toFtsQuery, userTerms } from '../../src/core/search/userQuery.ts';
import { GOLDEN_QUESTIONS } from '../../tests/answer/goldenQuestions.ts';
import { buildCorpus } from '../benchCorpus.ts';
import { MemoryPeak } from '../memory.ts';
import type { Suite } from './index.ts';

const ROUNDS = 5;
/** Bump when the stored shape changes, so a stale cached database is rebuilt. */
const CACHE_VERSION = 4; // 2: migrations 008–009 (no sentences_fts, no story_bands); 3: 012 (sentences as places in the body); 4: 013 (16 MB FTS5 pending index: fewer, larger segments)

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number): number => Math.round(ms * 100) / 100;

/**
 * Questions people paste: 10,000 characters, or full of search syntax. Each must come back
 * as an answer or a plain no-answer, never an error; their slowest time is reported.
 */
const HOSTILE = [
  'Did the US allow ATACMS strikes inside Russia? '.repeat(210).slice(0, 10_000),
  'title:"ATACMS" OR NEAR(range*, 5) AND -Kharkiv ))) ( ^body: {col} *',
  '"unclosed quote about Storm Shadow AND (',
  'ATACMS* OR * OR NOT NOT AND OR',
  `${'ß∂ƒ 🚀 Україна ракети '.repeat(400)}?`,
];

function hostileQuestions(core: Core): { hostileQuestions: number; hostileFailed: number; hostileMaxMs: number } {
  let failed = 0;
  let slowest = 0;
  for (const question of HOSTILE) {
    const start = performance.now();
    try {
      const { document } = core.answers.ask(question);
      if (document.status !== 'answered' && document.status !== 'no-answer') failed += 1;
    } catch {
      failed += 1;
    }
    slowest = Math.max(slowest, performance.now() - start);
  }
  return { hostileQuestions: HOSTILE.length, hostileFailed: failed, hostileMaxMs: round(slowest) };
}

/**
 * The rounds repeat each question, so whatever is built per question (the ranking's word
 * pattern, stems, document counts) may come from a cache that a new question in chat does
 * not find. Each question once more, with a word of its own that no article has: what a
 * question nobody asked before costs.
 */
function freshQuestions(core: Core, questions: readonly string[]): number[] {
  const ms = questions.map((question, i) => {
    const fresh = `${question.replace(/\?$/, '')} zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x?`;
    const start = performance.now();
    core.answers.ask(fresh);
    return performance.now() - start;
  });
  return ms.sort((a, b) => a - b);
}

export const ask: Suite = async ({ articles: count }) => {
  const path = join(tmpdir(), `newsbrief-bench-ask-${count}-v${CACHE_VERSION}.db`);
  if (!existsSync(path)) {
    console.error(`bench ask: building a ${count}-article corpus at ${path} (cached for later runs)…`);
    buildCorpus(path, count);
  }
  const memory = new MemoryPeak();
  const core = createCore({ dbPath: path });
  try {
    const floor = core.db.prepare('SELECT rowid, bm25(articles_fts) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT 10');
    const questions = GOLDEN_QUESTIONS.map((g) => g.question);
    const bare = questions.map((q) => toFtsQuery(userTerms(q).filter((t) => !isStopWord(t)), 'any'));
    for (const q of questions) core.answers.ask(q); // warm the page cache, lexicons and JIT
    const askMs: number[] = [];
    const ftsMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      questions.forEach((question, i) => {
        let start = performance.now();
        core.answers.ask(question);
        askMs.push(performance.now() - start);
        start = performance.now();
        if (bare[i]) floor.all(bare[i]);
        ftsMs.push(performance.now() - start);
      });
    }
    askMs.sort((a, b) => a - b);
    ftsMs.sort((a, b) => a - b);
    const freshMs = freshQuestions(core, questions);
    const hostile = hostileQuestions(core);
    const p95Ms = percentile(askMs, 95);
    const ftsP95Ms = percentile(ftsMs, 95);
    return {
      articles: core.articles.count(),
      p50Ms: round(percentile(askMs, 50)),
      p95Ms: round(p95Ms),
      p99Ms: round(percentile(askMs, 99)),
      ftsP95Ms: round(ftsP95Ms),
      freshP95Ms: round(percentile(freshMs, 95)),
      overheadRatio: Math.round((p95Ms / ftsP95Ms) * 100) / 100,
      questions: questions.length,
      ...hostile,
      ...memory.stop(),
    };
  } finally {
    core.close();
  }
};
