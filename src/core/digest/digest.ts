/** A digest as data: what `newsbrief digest --json` prints and the Reply is built from. */
export interface DigestWindow {
  readonly since: string;
  readonly until: string;
}

/** One tracked policy's standing state at the end of the window. */
export interface PolicyStatusLine {
  readonly policy: string;
  readonly state: string;
  /** When that state began (ISO date). */
  readonly since: string | null;
  /** Whether it changed inside the window. */
  readonly changed: boolean;
}

export interface DigestSource {
  readonly outlet: string | null;
  readonly title: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface DigestStory {
  readonly headline: string;
  readonly summary: string;
  readonly sources: readonly DigestSource[];
}

export interface Digest {
  readonly window: DigestWindow;
  readonly status: readonly PolicyStatusLine[];
  readonly stories: readonly DigestStory[];
  readonly counts: { readonly articles: number; readonly outlets: number; readonly stories: number };
}
