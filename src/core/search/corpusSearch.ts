import type { Db } from '../store/database.ts';
import type { Article, ArticleStore } from '../store/articleStore.ts';
import { toFtsQuery, userTerms } from './userQuery.ts';

export interface SearchHit {
  readonly article: Article;
  /** BM25 from FTS5: lower is better; title weighted over body. */
  readonly score: number;
  readonly snippet: string;
}

/**
 * Article search over the FTS5 index. Tries every word first; when that finds nothing,
 * any word, so a long question still finds the article that shares most of it.
 */
export class CorpusSearch {
  private readonly query;

  constructor(
    db: Db,
    private readonly articles: ArticleStore,
  ) {
    this.query = db.prepare(`
      SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score,
             snippet(articles_fts, 1, '', '', '…', 24) AS snippet
      FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?`);
  }

  search(text: string, limit = 10): SearchHit[] {
    const terms = userTerms(text);
    for (const mode of ['all', 'any'] as const) {
      const expression = toFtsQuery(terms, mode);
      if (!expression) return [];
      const rows = this.query.all(expression, limit) as { id: number; score: number; snippet: string }[];
      if (rows.length > 0 || terms.length === 1) return rows.map((row) => this.toHit(row));
    }
    return [];
  }

  private toHit(row: { id: number; score: number; snippet: string }): SearchHit {
    return { article: this.articles.get(row.id)!, score: row.score, snippet: row.snippet };
  }
}
