import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../src/core/feedRegistry/turnQueue.ts';

describe('storing polls one turn of the event loop at a time', () => {
  it('gives polls that are ready together turns of their own, in order, with the loop turning between them', async () => {
    const queue = new TurnQueue();
    let loopTurns = 0;
    let spinning = true;
    const spin = () => {
      loopTurns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const seen: { poll: number; turn: number }[] = [];
    await Promise.all([1, 2, 3, 4].map((poll) => queue.next().then(() => void seen.push({ poll, turn: loopTurns }))));
    spinning = false;
    expect(seen.map((s) => s.poll)).toEqual([1, 2, 3, 4]);
    const turns = seen.map((s) => s.turn);
    for (let i = 1; i < turns.length; i++) expect(turns[i]).toBeGreaterThan(turns[i - 1]!);
  });
});
