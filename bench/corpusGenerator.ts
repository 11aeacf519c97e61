import type { ArticleInput } from '../src/core/ingest/articleInput.ts';
import { loadAgNews } from './agNews.ts';

/** A small deterministic PRNG (mulberry32) so every run generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FALLBACK_WORDS =
  'officials said the government would announce new measures after talks with allies on security trade energy prices markets rose fell sharply analysts expect further decisions this week according to reports from the capital where leaders met to discuss the conflict and economic aid'.split(' ');

export interface GeneratedCorpus {
  readonly articles: ArticleInput[];
  /** Where the text came from, for the benchmark's report. */
  readonly source: 'ag_news' | 'generated';
  readonly nearDuplicates: number;
}

const DAY = 86_400_000;
const START = Date.parse('2023-01-01T00:00:00Z');

/**
 * `count` articles of realistic length (8–25 sentences, ~1–3 KB) from real news sentences
 * (AG News when present), dated over two years, spread over 200 outlets; `duplicateShare` of
 * them are near-duplicates of an earlier one (a wire copy with one sentence changed).
 */
export function generateCorpus(count: number, options: { seed?: number; duplicateShare?: number } = {}): GeneratedCorpus {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const ag = loadAgNews();
  const sentences = ag ? ag.flatMap((item) => item.description.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 40) : [];
  const titles = ag ? ag.map((item) => item.title) : [];
  const sentence = (): string =>
    sentences.length > 0 ? pick(sentences) : `${Array.from({ length: 12 + Math.floor(random() * 14) }, () => pick(FALLBACK_WORDS)).join(' ')}.`;
  const articles: ArticleInput[] = [];
  let nearDuplicates = 0;
  for (let i = 0; i < count; i++) {
    const publishedAt = new Date(START + Math.floor(random() * 730 * DAY)).toISOString();
    const outlet = `Outlet ${String(1 + Math.floor(random() * 200)).padStart(3, '0')}`;
    if (i > 0 && random() < (options.duplicateShare ?? 0.1)) {
      const original = articles[Math.floor(random() * i)]!;
      const lines = original.text.split('\n\n');
      lines[Math.floor(random() * lines.length)] = sentence();
      articles.push({ ...original, text: lines.join('\n\n'), outlet, url: `https://news${i % 200}.example/${i}`, publishedAt });
      nearDuplicates++;
      continue;
    }
    const length = 8 + Math.floor(random() * 18);
    const paragraphs = Array.from({ length: Math.ceil(length / 2) }, () => `${sentence()} ${sentence()}`);
    const title = titles.length > 0 ? `${pick(titles)} (${i})` : `${sentence().slice(0, 80)} (${i})`;
    articles.push({ title, text: paragraphs.join('\n\n'), outlet, url: `https://news${i % 200}.example/${i}`, publishedAt });
  }
  return { articles, source: ag ? 'ag_news' : 'generated', nearDuplicates };
}
