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
 * What every generated article is made of, as numbers in flat growable arrays: its title (a
 * pool index and the number shown after it) and its paragraphs as sentence indexes. A
 * near-duplicate copies an earlier article's recipe, so the stream keeps ~80 bytes per
 * article instead of its ~2.7 KB of text (and no object per article: 100,000 small typed
 * arrays cost ~70 MB of heap).
 */
class Recipes {
  private titles = new Int32Array(1024);
  private titleNumbers = new Int32Array(1024);
  private starts = new Int32Array(1025);
  /** Per paragraph: its sentence count, then that many sentence indexes. */
  private cells = new Int32Array(16_384);
  private size = 0;

  add(title: number, titleNumber: number, lines: readonly (readonly number[])[]): number {
    if (this.size + 1 >= this.titles.length) {
      this.titles = grown(this.titles, this.titles.length * 2);
      this.titleNumbers = grown(this.titleNumbers, this.titleNumbers.length * 2);
      this.starts = grown(this.starts, this.titles.length + 1);
    }
    const needed = lines.reduce((sum, line) => sum + 1 + line.length, 0);
    let at = this.starts[this.size]!;
    if (at + needed > this.cells.length) this.cells = grown(this.cells, Math.max(this.cells.length * 2, at + needed));
    for (const line of lines) {
      this.cells[at++] = line.length;
      for (const index of line) this.cells[at++] = index;
    }
    this.titles[this.size] = title;
    this.titleNumbers[this.size] = titleNumber;
    this.starts[++this.size] = at;
    return this.size - 1;
  }

  title(recipe: number): number {
    return this.titles[recipe]!;
  }

  titleNumber(recipe: number): number {
    return this.titleNumbers[recipe]!;
  }

  lines(recipe: number): number[][] {
    const lines: number[][] = [];
    const end = this.starts[recipe + 1]!;
    for (let at = this.starts[recipe]!; at < end; at += 1 + this.cells[at]!) lines.push([...this.cells.subarray(at + 1, at + 1 + this.cells[at]!)]);
    return lines;
  }
}

const grown = (from: Int32Array, size: number): Int32Array<ArrayBuffer> => {
  const to = new Int32Array(size);
  to.set(from);
  return to;
};

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
  private readonly recipes = new Recipes();

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

  /**
   * The articles in order, up to `size` at a time, until `until` of them have been generated
   * (all `count` by default). A later call goes on where an earlier one stopped.
   */
  *batches(size: number, until = this.count): Generator<ArticleInput[]> {
    const end = Math.min(until, this.count);
    while (this.generated < end) {
      const batch: ArticleInput[] = [];
      while (batch.length < size && this.generated < end) batch.push(this.next());
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
      const original = this.pick(i);
      const lines = this.recipes.lines(original);
      lines[this.pick(lines.length)] = [this.sentence()];
      this.duplicates++;
      return this.article(this.recipes.add(this.recipes.title(original), this.recipes.titleNumber(original), lines), outlet, url, publishedAt);
    }
    const length = 8 + Math.floor(random() * 18);
    const lines = Array.from({ length: Math.ceil(length / 2) }, () => [this.sentence(), this.sentence()]);
    // The title is drawn after the body, as it always was: the same seed gives the same corpus.
    const title = this.titles.length > 0 ? this.pick(this.titles.length) : this.sentence();
    return this.article(this.recipes.add(title, i, lines), outlet, url, publishedAt);
  }

  private article(recipe: number, outlet: string, url: string, publishedAt: string): ArticleInput {
    const title = this.titles.length > 0 ? this.titles[this.recipes.title(recipe)]! : this.sentences[this.recipes.title(recipe)]!.slice(0, 80);
    const text = this.recipes
      .lines(recipe)
      .map((line) => line.map((index) => this.sentences[index]!).join(' '))
      .join('\n\n');
    return { title: `${title} (${this.recipes.titleNumber(recipe)})`, text, outlet, url, publishedAt };
  }
}

/** The whole corpus in memory (the ask and digest suites store it directly). */
export function generateCorpus(count: number, options: CorpusOptions = {}): GeneratedCorpus {
  const stream = new CorpusStream(count, options);
  const articles: ArticleInput[] = [];
  for (const batch of stream.batches(10_000)) for (const article of batch) articles.push(article);
  return { articles, source: stream.source, nearDuplicates: stream.nearDuplicates };
}
