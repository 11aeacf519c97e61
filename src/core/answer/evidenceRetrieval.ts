import type { Db } from '../store/database.ts';
import type { ArticleStore, Sentence } from '../store/articleStore.ts';

/** An article the question's words point to; `relevance` is BM25 turned positive (higher is better). */
export interface ArticleHit {
  readonly id: number;
  readonly relevance: number;
  readonly title: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

/** A sentence of a chosen article, as the store gives it back. */
export type SentenceRow = Sentence;

/**
 * What an answer reads from the store: BM25 over the article index (articles_fts) for the best
 * articles, the index's vocabulary for IDF, and the sentences of those few articles only
 * (from ArticleStore, which keeps them as places in their bodies).
 *
 * Sentences are scored in JavaScript (sentenceRanking.ts) rather than with a second FTS5
 * query: BM25 over sentences_fts restricted to the chosen articles' rowid ranges measured
 * 440 ms per question at 5,000 articles (each of ~60 expanded terms seeks its doclist once
 * per article), against a few milliseconds to read and score ~600 sentences directly.
 */
export class EvidenceRetrieval {
  private readonly articlesQuery;
  private readonly vocabQuery;
  private readonly countQuery;
  private readonly frequencies = new Map<string, number>();
  private frequenciesAt = 0;

  constructor(
    db: Db,
    private readonly articles: ArticleStore,
  ) {
    // A per-connection view of the article index's vocabulary: document counts per stem, for IDF.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.answer_article_vocab USING fts5vocab(main, articles_fts, row)');
    this.vocabQuery = db.prepare('SELECT doc FROM temp.answer_article_vocab WHERE term = ?').pluck();
    // The largest id, not count(*): instant at any size, and IDF does not care about a few deleted rows.
    this.countQuery = db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck();
    this.articlesQuery = db.prepare(`
      SELECT hit.id, -hit.score AS relevance, a.title, a.outlet, a.url, a.published_at AS publishedAt
      FROM (SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
            WHERE articles_fts MATCH ? ORDER BY score LIMIT ?) AS hit
      JOIN articles a ON a.id = hit.id ORDER BY hit.score`);
  }

  /**
   * How many articles contain this stem (as the index stemmed it). fts5vocab counts by walking
   * the stem's doclist, ~0.3 ms for a common word at 100,000 articles, and a question needs
   * dozens; the same stems recur in every question about a story, so counts are kept until
   * the corpus has grown by 1% (IDF barely moves in between).
   */
  documentFrequency(stem: string): number {
    const size = this.articleCount();
    if (size > this.frequenciesAt * 1.01 + 10 || this.frequencies.size > 100_000) {
      this.frequencies.clear();
      this.frequenciesAt = size;
    }
    let df = this.frequencies.get(stem);
    if (df === undefined) {
      df = (this.vocabQuery.get(stem) as number | undefined) ?? 0;
      this.frequencies.set(stem, df);
    }
    return df;
  }

  /** Articles in the corpus (the highest id: close enough for IDF, and free). */
  articleCount(): number {
    return this.countQuery.get() as number;
  }

  topArticles(expression: string, limit: number): ArticleHit[] {
    return this.articlesQuery.all(expression, limit) as ArticleHit[];
  }

  /** Every sentence of these articles, in order: ranking reads them all, with their neighbours. */
  sentencesOf(articleIds: readonly number[]): SentenceRow[] {
    return this.articles.sentencesOfArticles(articleIds);
  }
}
