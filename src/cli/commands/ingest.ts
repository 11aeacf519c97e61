import type { Command } from 'commander';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Core } from '../../core/core.ts';
import type { IngestReport } from '../../core/ingest/ingestor.ts';
import type { AppError } from '../../core/result.ts';
import { printResult } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

function readInput(file: string): Buffer {
  return file === '-' ? readFileSync(0) : readFileSync(file);
}

/**
 * JSON lines from this size on are read line by line. Read whole, a file is held as text and
 * again as articles until the last one is stored: twice its size in memory.
 */
const STREAM_FROM_BYTES = 8 * 1024 * 1024;
/** A first line longer than this is not looked at; the file is then read whole. */
const FIRST_LINE_LIMIT = 4 * 1024 * 1024;

/** The file's first line, when it has a second one and the first is not too long to look at. */
function firstLine(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    const read: Buffer[] = [];
    for (let offset = 0; offset < FIRST_LINE_LIMIT; ) {
      const count = readSync(fd, chunk, 0, chunk.length, offset);
      if (count === 0) return undefined;
      const end = chunk.subarray(0, count).indexOf(0x0a);
      read.push(Buffer.from(chunk.subarray(0, end >= 0 ? end : count)));
      if (end >= 0) return Buffer.concat(read).toString('utf8');
      offset += count;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A large file whose first line is a JSON object: JSON lines, worth reading as a stream. */
function isLargeJsonLines(file: string): boolean {
  try {
    if (file === '-' || statSync(file).size < STREAM_FROM_BYTES) return false;
    const line = firstLine(file)?.replace(/^\uFEFF/, '').trim();
    if (!line?.startsWith('{')) return false;
    JSON.parse(line);
    return true;
  } catch {
    return false; // unreadable or not JSON lines: the whole-file path reports it as it does any file
  }
}

/** A large JSON-lines file, read and stored a batch at a time; bad lines and read errors into `errors`. */
async function ingestLines(core: Core, file: string, errors: AppError[]): Promise<IngestReport[]> {
  const [{ jsonLineBatches }, { BULK_BATCH }] = await Promise.all([import('../../core/corpus/articleFile.ts'), import('../../core/ingest/ingestor.ts')]);
  const reports: IngestReport[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const batch of core.ingestor.ingestBatches(jsonLineBatches(lines, file, BULK_BATCH, errors))) reports.push(...batch);
  } catch (error) {
    // Only the file's own read errors (they carry a syscall); a database error is not "unreadable".
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (!syscall) throw error;
    errors.push({ code: 'ingest/unreadable', message: `${file}: stopped reading it (${code ?? syscall}); the articles before were stored.` });
  } finally {
    lines.close();
  }
  return reports;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add articles: Markdown with front matter, JSON / JSON lines of {title,text,url?,outlet?,publishedAt?}, or text; "-" reads stdin')
    .argument('<files...>', 'files to ingest, or - for standard input')
    .option('--json', 'print JSON')
    .action(async (files: string[], _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(globals, async ({ core }) => {
        // Imported when the command runs, as the core is (withRuntime): not on every CLI start.
        const [{ parseArticleFile }, { decodeTextBytes }] = await Promise.all([import('../../core/corpus/articleFile.ts'), import('../../core/text/textBytes.ts')]);
        const reports: IngestReport[] = [];
        const errors: AppError[] = [];
        for (const file of files) {
          if (isLargeJsonLines(file)) {
            reports.push(...(await ingestLines(core, file, errors)));
            continue;
          }
          let bytes: Buffer;
          try {
            bytes = readInput(file);
          } catch (error) {
            errors.push({ code: 'ingest/unreadable', message: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
            continue;
          }
          const name = file === '-' ? 'stdin' : file;
          const text = decodeTextBytes(bytes, name);
          if (!text.ok) {
            errors.push(text.error);
            continue;
          }
          const parsed = parseArticleFile(text.value, name);
          errors.push(...parsed.errors);
          reports.push(...(await core.ingestor.ingestMany(parsed.articles)));
        }
        const count = (status: string) => reports.filter((r) => r.status === status).length;
        const counts = { new: count('new'), updated: count('updated'), duplicate: count('duplicate'), empty: count('empty'), errors: errors.length };
        printResult(globals.json, { counts, articles: reports, errors }, () =>
          [
            ...reports.map((r) => `${r.status.padEnd(9)} ${r.id ?? '—'}\t${r.title}`),
            ...errors.map((e) => `error     ${e.message}`),
            `${counts.new} new, ${counts.updated} updated, ${counts.duplicate} already known, ${counts.empty} empty after cleaning, ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`,
          ].join('\n'),
        );
        // Partial success is success (a bulk file with one bad line); nothing taken is a failure.
        const taken = counts.new + counts.updated + counts.duplicate;
        if (taken === 0 && (errors.length > 0 || counts.empty > 0)) process.exitCode = 1;
      });
    });
}
