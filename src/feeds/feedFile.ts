import { readFile } from 'node:fs/promises';
import type { FeedError, ParsedFeed } from '../core/feedRegistry/feedItem.ts';
import { appError, err, type Result } from '../core/result.ts';
import { BodyTooLargeError, ungzipIfCompressed } from './cappedBody.ts';
import { decodeFeedBytes } from './charset.ts';
import { parseFeed } from './feedParser.ts';

/** Bytes already in hand (a file, a test) → ParsedFeed: gzip sniffed, charset decoded, parsed. */
export async function parseFeedBytes(bytes: Buffer, options: { contentType?: string; base?: string; maxBytes: number }): Promise<Result<ParsedFeed, FeedError>> {
  let plain: Buffer;
  try {
    plain = ungzipIfCompressed(bytes, options.maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return err(appError('feeds/too-large', `the feed is larger than ${options.maxBytes} bytes once decompressed`));
    return err(appError('feeds/bad-encoding', 'the gzip data is corrupt'));
  }
  return parseFeed(decodeFeedBytes(plain, options.contentType).text, options.base);
}

/** `feeds check <file>`: the same parse as a fetched feed, from disk. */
export async function parseFeedFile(path: string, maxBytes: number): Promise<Result<ParsedFeed, FeedError>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // "ftp://…" or "file:///…" reach here as paths: say what is accepted, not ENOENT.
    if (code === 'ENOENT') return err(appError('feeds/not-found', 'neither an http(s) URL nor an existing file'));
    return err(appError('feeds/unreadable', `cannot read ${path} (${code ?? 'error'})`));
  }
  if (bytes.length > maxBytes) return err(appError('feeds/too-large', `${path} is larger than ${maxBytes} bytes`));
  return parseFeedBytes(bytes, { maxBytes });
}
