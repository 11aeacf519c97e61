/**
 * What `ask` needs from the policy tracker (`core.policies`, issue #6): the status line of the
 * tracked policy a question is about, if any. When a question asks about the current state of
 * a tracked policy ("can Ukraine still not use ATACMS inside Russia?"), that line goes first
 * in the answer, before the quotes. The answer service decides *when* to ask (questions about
 * now); the tracker decides *which* policy the words point to. `createCore` connects the two
 * with `AnswerService.usePolicyStatus(policies)`.
 */
export interface PolicyStatusLookup {
  statusLineFor(question: string): PolicyStatusLine | undefined;
}

export interface PolicyStatusLine {
  /** "Prohibited → limited (near Kharkiv), since 2024-05-30; under pressure: 4 sources this week". */
  readonly line: string;
  /** Date of the evidence behind the state, so "as of" can count it. */
  readonly asOf?: string | null;
}
