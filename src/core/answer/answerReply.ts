import type { Reply, ReplySection } from '../reply.ts';
import type { Answer } from './answer.ts';

const MAX_TITLE = 150;

/**
 * The chat form of an answer: the status line, the quotes with every outlet that carried
 * them, and "As of" in the footer. `data` is exactly the `ask --json` document.
 */
export function answerReply(answer: Answer): Reply {
  const { document } = answer;
  const title = document.question.length > MAX_TITLE ? `${document.question.slice(0, MAX_TITLE - 1)}…` : document.question;
  if (document.status === 'no-answer') {
    return { kind: 'answer', title, sections: [{ text: document.answer }], data: document };
  }
  const sections: ReplySection[] = [
    ...(answer.policyLine ? [{ heading: 'Policy status', text: answer.policyLine }] : []),
    {
      quotes: answer.quotes.map((quote) => ({
        text: quote.text,
        sources: quote.sources.map((s) => ({
          title: s.title,
          outlet: s.outlet ?? undefined,
          url: s.url ?? undefined,
          publishedAt: s.publishedAt ?? undefined,
        })),
      })),
    },
  ];
  return {
    kind: 'answer',
    title,
    sections,
    ...(document.asOf ? { footer: `As of ${document.asOf.slice(0, 10)}` } : {}),
    data: document,
  };
}
