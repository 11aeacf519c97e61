import { setTimeout as sleep } from 'node:timers/promises';
import { renderReply } from '../../src/bots/slack/render.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { SlackTestbed, type Mode } from '../../tests/slack/slackTestbed.ts';
import { percentile, renderRate } from '../measure.ts';
import type { Suite } from './index.ts';

const REQUESTS = 200;
const CONCURRENT = 50;
/** An answer that takes this long must not delay the ack Slack waits for (3 s). */
const SLOW_ANSWER_MS = 2000;

/** Sequential `/brief search` over one transport: ack time as Slack sees it, and time to the answer. */
async function sequential(mode: Mode): Promise<Record<string, number>> {
  const bed = await SlackTestbed.start(mode);
  try {
    const acks: number[] = [];
    const answers: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const acked = await bed.slash('search Kharkiv');
      acks.push(acked.ms);
      await bed.fake.waitForResponses(i + 1);
      answers.push(performance.now() - started);
    }
    return { ackP50Ms: percentile(acks, 50), ackP95Ms: percentile(acks, 95), ackMaxMs: percentile(acks, 100), answerP50Ms: percentile(answers, 50), answerP95Ms: percentile(answers, 95) };
  } finally {
    await bed.stop();
  }
}

/** 50 commands at once whose answers each take 2 s: every ack must still come back at once. */
async function slowAnswers(mode: Mode): Promise<Record<string, number>> {
  const bed = await SlackTestbed.start(mode);
  bed.run = async (input, context) => (await sleep(SLOW_ANSWER_MS), runCommand(input, context));
  try {
    const acked = await Promise.all(Array.from({ length: CONCURRENT }, () => bed.slash('help')));
    await bed.fake.waitForResponses(CONCURRENT, 30_000);
    const ms = acked.map((a) => a.ms);
    return { ackP50Ms: percentile(ms, 50), ackP95Ms: percentile(ms, 95), ackMaxMs: percentile(ms, 100), answered: bed.fake.responses.length };
  } finally {
    await bed.stop();
  }
}

/**
 * `npm run bench -- slack`: the real Bolt app against the local fake Slack on 127.0.0.1.
 * Ack latency is what decides whether Slack shows "dispatch_failed" (its limit is 3 s).
 */
export const slack: Suite = async () => {
  const result: Record<string, unknown> = {};
  for (const mode of ['http', 'socket'] as const) {
    result[`${mode} sequential (${REQUESTS}× /brief search)`] = await sequential(mode);
    result[`${mode} ${CONCURRENT} at once, answers take ${SLOW_ANSWER_MS} ms`] = await slowAnswers(mode);
  }
  result['render 120-story digest'] = renderRate(renderReply);
  return result;
};
