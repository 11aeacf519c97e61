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

export interface CorpusOptions {
  readonly seed?: number;
  readonly duplicateShare?: number;
}

const DAY = 86_400_000;
const START = Date.parse('2023-01-01T00:00:00Z');

/**
 * What an article is made of, as numbers: its title (a pool index and the number shown after
 * it) and its paragraphs as sentence indexes. A near-duplicate copies an earlier article's
 * recipe, so the stream keeps ~70 bytes per article instead of its ~2 KB of text.
 */
interface Recipe {
  readonly title: number;
  readonly titleNumber: number;
  /** Per paragraph: its sentence count, then that many sentence indexes. */
  readonly paragraphs: Int32Array;
}

/**
 * `count` articles of realistic length (8–25 sentences, ~1–3 KB) from real news sentences
 * (AG News when present), dated over two years, spread over 200 outlets; `duplicateShare` of
 * them are near-duplicates of an earlier one (a wire copy with one sentence changed).
 * Generated a batch at a time, so a 100,000-article benchmark measures what it runs, not
 * 300 MB of fixture strings; `generateCorpus` is the same sequence collected into one array.
 */
export class CorpusStream {
  readonly source: 'ag_news' | 'generated';
  private generated = 0;
  private duplicates = 0;
  private readonly random: () => number;
  private readonly sentences: string[];
  private readonly titles: readonly string[];
  private readonly recipes: Recipe[] = [];

  constructor(
    readonly count: number,
    private readonly options: CorpusOptions = {},
  ) {
    this.random = seededRandom(options.seed ?? 2024);
    const ag = loadAgNews();
    this.source = ag ? 'ag_news' : 'generated';
    this.sentences = ag ? ag.flatMap((item) => item.description.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 40) : [];
    this.titles = ag ? ag.map((item) => item.title) : [];
  }

  /** Near-duplicates among the articles generated so far. */
  get nearDuplicates(): number {
    return this.duplicates;
  }

  /** The articles in order, up to `size` at a time. */
  *batches(size: number): Generator<ArticleInput[]> {
    while (this.generated < this.count) {
      const batch: ArticleInput[] = [];
      while (batch.length < size && this.generated < this.count) batch.push(this.next());
      yield batch;
    }
  }

  private pick(length: number): number {
    return Math.floor(this.random() * length);
  }

  /** A sentence index: into the AG News pool, or a generated sentence appended to it. */
  private sentence(): number {
    if (this.titles.length > 0) return this.pick(this.sentences.length);
    const length = 12 + this.pick(14);
    this.sentences.push(`${Array.from({ length }, () => FALLBACK_WORDS[this.pick(FALLBACK_WORDS.length)]!).join(' ')}.`);
    return this.sentences.length - 1;
  }

  private next(): ArticleInput {
    const i = this.generated++;
    const random = this.random;
    const publishedAt = new Date(START + Math.floor(random() * 730 * DAY)).toISOString();
    const outlet = `Outlet ${String(1 + Math.floor(random() * 200)).padStart(3, '0')}`;
    const url = `https://news${i % 200}.example/${i}`;
    if (i > 0 && random() < (this.options.duplicateShare ?? 0.1)) {
      const original = this.recipes[this.pick(i)]!;
      const lines = this.lines(original.paragraphs);
      lines[this.pick(lines.length)] = [this.sentence()];
      const recipe = { title: original.title, titleNumber: original.titleNumber, paragraphs: encode(lines) };
      this.recipes.push(recipe);
      this.duplicates++;
      return { title: this.title(recipe), text: this.text(recipe), outlet, url, publishedAt };
    }
    const length = 8 + Math.floor(random() * 18);
    const lines = Array.from({ length: Math.ceil(length / 2) }, () => [this.sentence(), this.sentence()]);
    // The title is drawn after the body, as it always was: the same seed gives the same corpus.
    const title = this.titles.length > 0 ? this.pick(this.titles.length) : this.sentence();
    const recipe = { title, titleNumber: i, paragraphs: encode(lines) };
    this.recipes.push(recipe);
    return { title: this.title(recipe), text: this.text(recipe), outlet, url, publishedAt };
  }

  private lines(paragraphs: Int32Array): number[][] {
    const lines: number[][] = [];
    for (let at = 0; at < paragraphs.length; at += 1 + paragraphs[at]!) lines.push([...paragraphs.subarray(at + 1, at + 1 + paragraphs[at]!)]);
    return lines;
  }

  private title(recipe: Recipe): string {
    const text = this.titles.length > 0 ? this.titles[recipe.title]! : this.sentences[recipe.title]!.slice(0, 80);
    return `${text} (${recipe.titleNumber})`;
  }

  private text(recipe: Recipe): string {
    return this.lines(recipe.paragraphs)
      .map((line) => line.map((index) => this.sentences[index]!).join(' '))
      .join('\n\n');
  }
}

const encode = (lines: readonly number[][]): Int32Array => Int32Array.from(lines.flatMap((line) => [line.length, ...line]));

/** The whole corpus in memory (the ask and digest suites store it directly). */
export function generateCorpus(count: number, options: CorpusOptions = {}): GeneratedCorpus {
  const stream = new CorpusStream(count, options);
  const articles: ArticleInput[] = [];
  for (const batch of stream.batches(10_000)) for (const article of batch) articles.push(article);
  return { articles, source: stream.source, nearDuplicates: stream.nearDuplicates };
}
