import type { Reply } from '../../reply.ts';
import type { Handler } from '../handler.ts';

export const search: Handler<'search'> = (command, { core }): Reply => {
  const hits = core.search.search(command.query, 10);
  const results = hits.map((hit) => ({
    id: hit.article.id,
    title: hit.article.title,
    outlet: hit.article.outlet,
    url: hit.article.url,
    publishedAt: hit.article.publishedAt,
    snippet: hit.snippet,
  }));
  if (hits.length === 0) {
    return { kind: 'answer', title: 'No articles found', sections: [{ text: `Nothing in the corpus matches “${command.query.slice(0, 200)}”.` }], data: { query: command.query, results } };
  }
  return {
    kind: 'answer',
    title: `${hits.length} article${hits.length === 1 ? '' : 's'} for “${command.query.slice(0, 100)}”`,
    sections: hits.map((hit) => ({
      heading: hit.article.title,
      text: hit.snippet,
      sources: [{ outlet: hit.article.outlet ?? undefined, title: hit.article.title, url: hit.article.url ?? undefined, publishedAt: hit.article.publishedAt ?? undefined }],
    })),
    data: { query: command.query, results },
  };
};
