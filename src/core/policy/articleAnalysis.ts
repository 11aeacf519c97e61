import { ukraineMentions, type Claim, type ClaimExtractor } from './claimExtractor.ts';

/** A claim and where it sits: -1 for the title, else the sentence position. */
export interface PlacedClaim {
  readonly position: number;
  readonly claim: Claim;
}

export interface ArticleText {
  readonly title?: string | null;
  readonly sentences: readonly { readonly text: string; readonly position: number }[];
}

/** What `policy analyze` prints: exactly the DESIGN.md contract. */
export interface PublicClaim {
  readonly policy: string;
  readonly actor: string;
  readonly subject: string;
  readonly status: Claim['status'];
  readonly scope?: string;
  readonly quote: string;
}

export interface ArticleAnalysis {
  /** The article reports a decision (enacted or announced), not only a recap of an old one. */
  readonly change: boolean;
  readonly claims: PublicClaim[];
}

/** Real articles have tens to a few hundred sentences; past this it is not an article. */
const MAX_LINES = 1_000;

/** Claims from every sentence, then the title; the same quote's claims are kept once per policy and status. */
export function extractArticleClaims(extractor: ClaimExtractor, text: ArticleText): PlacedClaim[] {
  // Body sentences first: the outlet's own words make better evidence than a (often rewritten) headline.
  const lines = [...text.sentences, ...(text.title ? [{ text: text.title, position: -1 }] : [])];
  const texts = lines.map((line) => line.text);
  const joined = texts.join(' ');
  const mentions = ukraineMentions(joined);
  // One scan of the article finds the few lines worth parsing; most articles have none.
  const claimable = extractor.claimableLines(texts, joined, mentions > 0);
  if (claimable.size === 0) return [];
  // An article that names Ukraine a few times gives its sentences the context they omit.
  const context = { aboutUkraine: mentions >= 3 };
  const placed: PlacedClaim[] = [];
  const seen = new Set<string>();
  // A repeated sentence (wire copy pasted twice, a hostile page) is parsed once.
  const memo = new Map<string, Claim[]>();
  for (let i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
    if (!claimable.has(i)) continue;
    const line = lines[i]!;
    const claims = memo.get(line.text) ?? extractor.extract(line.text, context);
    memo.set(line.text, claims);
    for (const claim of claims) {
      const key = `${claim.policy}|${claim.status}|${claim.quote}`;
      if (seen.has(key)) continue;
      seen.add(key);
      placed.push({ position: line.position, claim });
    }
  }
  return placed;
}

export const isDecision = (claim: Claim): boolean =>
  (claim.status === 'enacted' || claim.status === 'announced') && claim.direction !== undefined;

export const publicClaim = (claim: Claim): PublicClaim => ({
  policy: claim.policy,
  actor: claim.actor,
  subject: claim.subject,
  status: claim.status,
  ...(claim.scope ? { scope: claim.scope } : {}),
  quote: claim.quote,
});

export function summarize(placed: readonly PlacedClaim[]): ArticleAnalysis {
  return {
    change: placed.some(({ claim }) => isDecision(claim) && !claim.background),
    claims: placed.map(({ claim }) => publicClaim(claim)),
  };
}
