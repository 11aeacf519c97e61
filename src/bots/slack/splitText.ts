/**
 * Cuts already-escaped mrkdwn into pieces of at most `max` characters, in order, preferring
 * a paragraph break, then a line break, then a space, and never cutting an entity such as
 * `&amp;` in half. Nothing is lost: joining the pieces gives the text back (less the
 * whitespace at the cuts).
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // Only break at whitespace in the second half, so pieces stay reasonably full.
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= max / 2) return at;
  }
  return avoidEntity(text, max);
}

function avoidEntity(text: string, cut: number): number {
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 5 && !text.slice(amp, cut).includes(';')) return amp;
  return cut;
}
