import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { checkReport } from '../../src/core/feedRegistry/checkReport.ts';
import { parseFeedBytes, parseFeedFile } from '../../src/feeds/feedFile.ts';
import { htmlToLine } from '../../src/feeds/htmlText.ts';
import { describeWithShared, FIXTURES_DIR } from '../support/shared.ts';

const FEEDS = join(FIXTURES_DIR, 'feeds');
const MAX = 10 * 1024 * 1024;
const oneLine = (text: string | null | undefined) => (text == null ? null : text.replace(/\s+/g, ' ').trim());

interface InventoryEntry {
  readonly path: string;
  readonly src: string;
  readonly wellformed_xml: boolean;
}

/** What the feed's own project expects: rss-parser's output/*.json or rowanmanning's expected.feed-parser.json. */
function expectation(entry: InventoryEntry): { title: string | null; items: number } | undefined {
  const beside = join(FEEDS, dirname(entry.path), 'expected.feed-parser.json');
  if (existsSync(beside)) {
    const feed = JSON.parse(readFileSync(beside, 'utf8')).feed;
    return { title: feed.title ?? null, items: feed.items.length };
  }
  const output = join(FEEDS, 'rss-parser/output', basename(entry.path).replace(/\.\w+$/, '.json'));
  if (entry.src === 'rss-parser' && existsSync(output)) {
    const feed = JSON.parse(readFileSync(output, 'utf8')).feed;
    return { title: feed.title ?? null, items: feed.items.length };
  }
  return undefined;
}

describeWithShared('feeds check over the shared real-world feeds', () => {
  const inventory = JSON.parse(readFileSync(join(FEEDS, 'feed_inventory.json'), 'utf8')) as InventoryEntry[];

  it('checks all 105 feeds without a crash: right title and item count, or a clear error', async () => {
    expect(inventory).toHaveLength(105);
    const mismatches: string[] = [];
    for (const entry of inventory) {
      const report = checkReport(await parseFeedFile(join(FEEDS, entry.path), MAX));
      const expected = expectation(entry);
      if (!report.ok) {
        expect(report.error!.code, entry.path).toMatch(/^feeds\/(malformed|not-a-feed)$/);
        expect(report.error!.message, entry.path).toMatch(/^not a (well-formed )?feed/);
        // Only documents that are not well-formed XML, or are not feeds at all, may fail.
        if (entry.wellformed_xml && !/notafeed|unrecognized/.test(entry.path)) mismatches.push(`${entry.path}: ${report.error!.message}`);
        continue;
      }
      if (!expected) continue;
      // rss-parser decoded encoding.rss (ISO-8859-1) as UTF-8, so its expected title holds U+FFFD; ours is right.
      const titleOk = oneLine(report.feed.title) === oneLine(expected.title) || (expected.title ?? '').includes('\uFFFD');
      if (!titleOk || report.items.length !== expected.items) {
        mismatches.push(`${entry.path}: got ${JSON.stringify([report.feed.title, report.items.length])}, want ${JSON.stringify([expected.title, expected.items])}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('decodes ISO-8859-1 and windows-1251 feeds correctly', async () => {
    const latin = checkReport(await parseFeedFile(join(FEEDS, 'rss-parser/input/encoding.rss'), MAX));
    expect(latin.feed.title).toBe('Jornal de Notícias - Últimas Notícias');
    const cyrillic = checkReport(await parseFeedFile(join(FEEDS, 'node-feedparser/feeds/iconv.xml'), MAX));
    expect(cyrillic.feed.title).toMatch(/^Новости Оренбурга/);
  });

  it('reads gzipped feed files', async () => {
    const report = checkReport(await parseFeedFile(join(FEEDS, 'node-feedparser/feeds/compressed.xml'), MAX));
    expect(report.ok).toBe(true);
  });
});

const UFP = join(FIXTURES_DIR, 'feedparser-tests/tests');
const SIMPLE_CHECK = /^(?:not bozo and )?(feed\['title'\]|entries\[0\]\['title'\]|entries\[0\]\['link'\]) == u?(['"])(.*)\2$/;

/** A Python string literal's body → its text (\u00e9, \xa0, \', \n …). */
function pythonString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_, esc: string) =>
    /^[uUx]./.test(esc) ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[esc] ?? esc,
  );
}

function walk(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, into);
    else into.push(path);
  }
  return into;
}

describeWithShared('the Universal Feed Parser conformance corpus', () => {
  it('parses or cleanly refuses every file, and meets ≥ 90% of the simple title/link expectations', async () => {
    const files = walk(UFP);
    expect(files.length).toBeGreaterThanOrEqual(2106);
    let checks = 0;
    let passed = 0;
    let refused = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      // The corpus is served from http://127.0.0.1:8097/<path> by its own harness; relative links resolve against that.
      const result = await parseFeedBytes(bytes, { maxBytes: MAX, base: `http://127.0.0.1:8097/${relative(UFP, file)}` });
      if (!result.ok) {
        refused += 1;
        expect(result.error.code).toMatch(/^feeds\//);
      }
      const expect_ = /Expect:\s*(.*)/.exec(bytes.subarray(0, 3000).toString('latin1'))?.[1]?.trim();
      const simple = expect_ && !file.includes('sanitize') ? SIMPLE_CHECK.exec(expect_) : null;
      if (!simple) continue;
      checks += 1;
      const want = pythonString(simple[3]!);
      const feed = result.ok ? result.value : undefined;
      const got = simple[1] === "feed['title']" ? feed?.title : simple[1] === "entries[0]['title']" ? feed?.items[0]?.title : feed?.items[0]?.link;
      // We keep titles as text, so both sides are compared as the text a reader sees.
      const text = (value: string | null | undefined) => (value == null ? value : htmlToLine(value).replace(/\s+/g, ' ').trim());
      if (text(got) === text(want)) passed += 1;
    }
    const rate = passed / checks;
    console.log(`[feeds] UFP corpus: ${files.length} files, ${refused} refused cleanly, simple title/link checks ${passed}/${checks} = ${(rate * 100).toFixed(1)}%`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
