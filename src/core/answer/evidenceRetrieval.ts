import type { Db } from '../store/database.ts';

/** An article the question's words point to; `relevance` is BM25 turned positive (higher is better). */
export interface ArticleHit {
  readonly id: number;
  readonly relevance: number;
  readonly title: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface SentenceHit {
  readonly id: number;
  readonly articleId: number;
  readonly position: number;
  readonly text: string;
  readonly relevance: number;
}

/**
 * The two BM25 lookups an answer needs, over the FTS5 indexes from migration 001: the best
 * articles for the question, then the matching sentences inside only those articles. Looking
 * for sentences inside a few articles, not across millions of sentences, is what keeps an
 * answer within a few bare index lookups of cost at 100,000 articles.
 */
export class EvidenceRetrieval {
  private readonly articlesQuery;
  private readonly sentencesQuery;
  private readonly spansQuery;
  private readonly vocabQuery;
  private readonly countQuery;

  constructor(db: Db) {
    // A per-connection view of the article index's vocabulary: document counts per stem, for IDF.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.answer_article_vocab USING fts5vocab(main, articles_fts, row)');
    this.vocabQuery = db.prepare('SELECT doc FROM temp.answer_article_vocab WHERE term = ?').pluck();
    this.countQuery = db.prepare('SELECT count(*) FROM articles').pluck();
    this.articlesQuery = db.prepare(`
      SELECT hit.id, -hit.score AS relevance, a.title, a.outlet, a.url, a.published_at AS publishedAt
      FROM (SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
            WHERE articles_fts MATCH ? ORDER BY score LIMIT ?) AS hit
      JOIN articles a ON a.id = hit.id ORDER BY hit.score`);
    this.spansQuery = db.prepare(`
      SELECT article_id AS articleId, min(id) AS first, max(id) AS last FROM sentences
      WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY article_id`);
    // An article's sentences are written together, so their ids form one run: a rowid range
    // lets FTS5 seek straight to them instead of scoring every matching sentence in the corpus.
    this.sentencesQuery = db.prepare(`
      SELECT s.id, s.article_id AS articleId, s.position, s.text, -bm25(sentences_fts) AS relevance
      FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
      WHERE sentences_fts MATCH ? AND sentences_fts.rowid BETWEEN ? AND ?`);
  }

  /** How many articles contain this stem (as the index stemmed it). */
  documentFrequency(stem: string): number {
    return (this.vocabQuery.get(stem) as number | undefined) ?? 0;
  }

  articleCount(): number {
    return this.countQuery.get() as number;
  }

  topArticles(expression: string, limit: number): ArticleHit[] {
    return this.articlesQuery.all(expression, limit) as ArticleHit[];
  }

  sentencesIn(expression: string, articleIds: readonly number[]): SentenceHit[] {
    if (articleIds.length === 0) return [];
    const spans = this.spansQuery.all(JSON.stringify(articleIds)) as { articleId: number; first: number; last: number }[];
    return spans.flatMap((span) => this.sentencesQuery.all(expression, span.first, span.last) as SentenceHit[]);
  }
}
