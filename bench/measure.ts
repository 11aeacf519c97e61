import type { Reply } from '../src/core/reply.ts';

/** The p-th percentile (nearest rank) of unsorted values, to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1));
}

/** A digest of 120 stories, far above every platform's single-message limits. */
export function bigDigest(storyText = 'A summary sentence *with* _markdown_ & more. '): Reply {
  return {
    kind: 'digest',
    title: 'Digest',
    sections: Array.from({ length: 120 }, (_, i) => ({
      heading: `Story ${i}`,
      text: storyText.repeat(8),
      sources: [{ outlet: 'CNN', title: `Report ${i}`, url: `https://cnn.example/${i}`, publishedAt: '2024-09-13' }],
    })),
  };
}

/** How long an adapter's renderer takes to split the big digest into messages. */
export function renderRate(render: (reply: Reply) => readonly unknown[], rounds = 200): Record<string, number> {
  const digest = bigDigest();
  const started = performance.now();
  let messages = 0;
  for (let i = 0; i < rounds; i++) messages = render(digest).length;
  const ms = (performance.now() - started) / rounds;
  return { storiesPerDigest: 120, messagesPerDigest: messages, msPerDigest: Number(ms.toFixed(2)) };
}
