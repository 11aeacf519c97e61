import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The body grew past the cap (after decompression): a gzip bomb or a runaway server. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unsupported content-encoding ${encoding}`);
    this.name = 'UnsupportedEncodingError';
  }
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new UnsupportedEncodingError(encoding);
  }
}

/**
 * Reads a response body through its Content-Encoding decoders and stops as soon as the
 * decoded size passes `maxBytes`: the cap counts what we would have to hold in memory, so
 * a 10 KB gzip that inflates to 10 GB is cut off at the cap, not after.
 */
export async function readCappedBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  // Content-Encoding lists codings in the order applied; undo them last-first.
  const decoders = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .reverse()
    .map(decoderFor)
    .filter((d): d is NodeJS.ReadWriteStream => d !== null);
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(new BodyTooLargeError(maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  await pipeline([body, ...decoders, sink], { signal });
  return ungzipIfCompressed(Buffer.concat(chunks), maxBytes);
}

/**
 * Some servers (and files on disk) send gzip bytes without saying so; feed text never starts
 * with the gzip magic number, so it is safe to sniff. The cap still applies.
 */
export function ungzipIfCompressed(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLargeError(maxBytes);
    // A truncated gzip stream: keep what inflated (feeds are often still readable).
    throw error;
  }
}
