import type { DigestSource } from './digest.ts';

/** Sources listed under one digest entry; the digest's data keeps them all. */
export const SOURCES_SHOWN = 5;

export interface ShownSources {
  readonly shown: readonly DigestSource[];
  /** Sources left out, and how many outlets the entry has in all. */
  readonly more: number;
  readonly outlets: number;
}

const outletKey = (source: DigestSource): string => (source.outlet ?? '').toLowerCase();

/**
 * The sources a reader sees under a story: the first report of each outlet before a second
 * from any, so that five wire copies from one site do not hide the other outlets; in the
 * story's order (oldest first). A story reported 300 times stays one entry of a few lines.
 */
export function shownSources(sources: readonly DigestSource[], limit = SOURCES_SHOWN): ShownSources {
  const outlets = new Set(sources.map(outletKey)).size;
  if (sources.length <= limit) return { shown: sources, more: 0, outlets };
  const firstOfOutlet = new Set<number>();
  const seen = new Set<string>();
  sources.forEach((source, i) => {
    if (seen.has(outletKey(source))) return;
    seen.add(outletKey(source));
    firstOfOutlet.add(i);
  });
  const picked = new Set([...firstOfOutlet].slice(0, limit));
  for (let i = 0; i < sources.length && picked.size < limit; i++) picked.add(i);
  const shown = sources.filter((_, i) => picked.has(i));
  return { shown, more: sources.length - shown.length, outlets };
}
