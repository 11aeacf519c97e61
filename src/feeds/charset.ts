import iconv from 'iconv-lite';
import { byteOrderMark, isValidUtf8 } from '../core/text/encodingSigns.ts';

const XML_DECLARATION = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([A-Za-z0-9._:-]+)/i.exec(contentType ?? '')?.[1];
}

function charsetFromDeclaration(bytes: Buffer): string | undefined {
  // Read the head as latin1: every byte maps to one char, so the ASCII declaration survives.
  return XML_DECLARATION.exec(bytes.subarray(0, 512).toString('latin1').trimStart())?.[1];
}

const known = (name: string | undefined): string | undefined => (name && iconv.encodingExists(name) ? name.toLowerCase() : undefined);

const isUtf8 = (name: string): boolean => /^utf-?8$/i.test(name);

/**
 * Feed bytes → text. Order (as browsers and RFC 7303): a byte-order mark, then the HTTP
 * charset, then the XML declaration, then UTF-8. Servers often get this wrong, so when the
 * choice is UTF-8 but the bytes are not valid UTF-8, the declaration is tried, then
 * windows-1252 (the superset of ISO-8859-1 that "Latin-1" feeds really use). Example: a
 * header saying UTF-8 over ISO-8859-1 bytes still yields "Notícias", not "Not�cias".
 */
export function decodeFeedBytes(bytes: Buffer, contentType?: string): { text: string; charset: string } {
  const declared = known(charsetFromDeclaration(bytes));
  let charset = known(byteOrderMark(bytes)?.charset) ?? known(charsetFromContentType(contentType)) ?? declared ?? 'utf-8';
  if (isUtf8(charset) && !isValidUtf8(bytes)) {
    charset = declared && !isUtf8(declared) ? declared : 'windows-1252';
  }
  // Latin-1 labels mean windows-1252 in practice (the WHATWG encoding standard does the same).
  if (/^(iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)) charset = 'windows-1252';
  const text = iconv.decode(bytes, charset, { stripBOM: true });
  return { text, charset };
}
