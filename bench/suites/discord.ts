import { setTimeout as sleep } from 'node:timers/promises';
import { startDiscordBot } from '../../src/bots/discord/index.ts';
import { renderReply } from '../../src/bots/discord/render.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { DiscordFake, type FakeInteraction } from '../../tests/fakes/discordFake.ts';
import { slash } from '../../tests/discord/support/interactions.ts';
import { tempCore } from '../../tests/support/tempCore.ts';
import { percentile, renderRate } from '../measure.ts';
import type { Suite } from './index.ts';

const REQUESTS = 200;
const CONCURRENT = 50;
/** An answer that takes this long must not delay the acknowledgement Discord waits for (3 s). */
const SLOW_ANSWER_MS = 2000;

/** Polls the fake every millisecond: when the callback arrived, when the answer did. */
async function timings(interaction: FakeInteraction, started: number): Promise<{ ackMs: number; answerMs: number }> {
  let ackMs = -1;
  for (;;) {
    if (ackMs < 0 && interaction.callbacks.length > 0) ackMs = performance.now() - started;
    const answered = (interaction.original?.edits ?? 0) > 0 || interaction.followups.length > 0 || interaction.callbacks[0]?.type === 4;
    if (answered) return { ackMs, answerMs: performance.now() - started };
    if (performance.now() - started > 30_000) throw new Error('no answer within 30 s');
    await sleep(1);
  }
}

async function measure(slow: boolean): Promise<Record<string, number>> {
  const fake = await DiscordFake.start();
  const temp = tempCore({ seed: true });
  const run = slow ? async (...args: Parameters<typeof runCommand>) => (await sleep(SLOW_ANSWER_MS), runCommand(...args)) : runCommand;
  const bot = await startDiscordBot({ core: temp.core, logger: silentLogger(), token: fake.token, apiUrl: fake.apiUrl, run });
  try {
    const results: { ackMs: number; answerMs: number }[] = [];
    if (slow) {
      const started = performance.now();
      const all = Array.from({ length: CONCURRENT }, () => slash(fake, 'search', { options: { query: 'Kharkiv' } }));
      results.push(...(await Promise.all(all.map((i) => timings(i, started)))));
    } else {
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        results.push(await timings(slash(fake, 'search', { options: { query: 'Kharkiv' } }), started));
      }
    }
    const acks = results.map((r) => r.ackMs);
    const answers = results.map((r) => r.answerMs);
    return {
      requests: results.length,
      ackP50Ms: percentile(acks, 50), ackP95Ms: percentile(acks, 95), ackMaxMs: percentile(acks, 100),
      answerP50Ms: percentile(answers, 50), answerP95Ms: percentile(answers, 95),
      refusedByDiscord: fake.refusals.length,
    };
  } finally {
    await bot.stop();
    await fake.close();
    temp.cleanup();
  }
}

/**
 * `npm run bench -- discord`: the real discord.js client against the local fake Discord on
 * 127.0.0.1. The acknowledgement (defer) must reach Discord within 3 s, whatever the answer costs.
 */
export const discord: Suite = async () => ({
  sequentialSearch: await measure(false),
  [`concurrent${CONCURRENT}Answers${SLOW_ANSWER_MS}ms`]: await measure(true),
  renderDigest: renderRate(renderReply),
});
