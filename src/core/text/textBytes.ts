import iconv from 'iconv-lite';
import { appError, err, ok, type AppError, type Result } from '../result.ts';
import { byteOrderMark, isValidUtf8 } from './encodingSigns.ts';

/** How much of a file is looked at to tell text from binary (git looks at 8,000 bytes). */
const SNIFF_BYTES = 8 * 1024;
/** Control characters other than tab, line and page breaks: none in text, many in binaries. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * A file's bytes → its text, for `newsbrief ingest`. A byte-order mark wins; then UTF-8 if the
 * bytes are valid UTF-8; otherwise windows-1252, which is what "Latin-1" files really are (as
 * feeds, src/feeds/charset.ts): "Caf\xe9" is "Café", not "Caf�". A NUL byte or many control
 * characters near the start mean a binary file, refused rather than stored as mojibake.
 */
export function decodeTextBytes(bytes: Buffer, name: string): Result<string, AppError> {
  const mark = byteOrderMark(bytes);
  const body = mark ? bytes.subarray(mark.length) : bytes;
  const charset = mark?.charset ?? (isValidUtf8(body) ? 'utf-8' : 'windows-1252');
  const text = iconv.decode(body, charset);
  if (looksBinary(text.slice(0, SNIFF_BYTES))) return err(appError('ingest/not-text', `${name}: not a text file (it looks binary); nothing was stored from it.`));
  return ok(text);
}

function looksBinary(head: string): boolean {
  if (head.includes('\u0000')) return true;
  const controls = head.match(CONTROL)?.length ?? 0;
  return controls > head.length / 100;
}
