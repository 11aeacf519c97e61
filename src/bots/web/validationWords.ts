import type { FastifyError } from 'fastify';

type Validation = NonNullable<FastifyError['validation']>[number];

/** A person's words for a request the JSON schema refused; undefined leaves the generic message. */
export interface RequestProblem {
  readonly title: string;
  readonly text: string;
  readonly code: string;
}

const field = (issue: Validation): string => issue.instancePath.replace(/^\//, '') || String(issue.params.missingProperty ?? '');

/**
 * The schema's wording ("body/text must NOT have more than 2000 characters") is for
 * developers; the page shows these instead, saying what to do.
 */
export function validationWords(issues: readonly Validation[] | undefined): RequestProblem | undefined {
  const issue = issues?.[0];
  if (!issue) return undefined;
  const name = field(issue);
  if (name === 'text' && issue.keyword === 'maxLength') {
    return { title: 'Too long', code: 'web/too-long', text: `A message is at most ${Number(issue.params.limit).toLocaleString('en-US')} characters. Shorten it, or ask about one part at a time.` };
  }
  if (name === 'text' && issue.keyword === 'minLength') return { title: 'Nothing to send', code: 'web/empty', text: 'Type a question, or /brief help to see the commands.' };
  if (issue.keyword === 'required') return { title: 'Bad request', code: 'web/bad-request', text: 'The message text is missing. Send {"text": "/brief help"}.' };
  if (name === 'channel') return { title: 'Bad channel', code: 'web/bad-channel', text: 'A channel name is 1–32 lower-case letters, digits, "-" or "_", starting with a letter or digit.' };
  return undefined;
}
