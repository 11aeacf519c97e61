import { randomUUID } from 'node:crypto';
import type { Reply } from '../../core/reply.ts';

/**
 * Answers shown privately, kept so "Post to channel" shares exactly what the person read
 * (Slack does not send an ephemeral message's content back with the button click).
 * Bounded: the oldest entries go first; after a restart the command is run again instead.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Reply>();

  constructor(private readonly capacity = 500) {}

  put(reply: Reply): string {
    const id = randomUUID();
    this.entries.set(id, reply);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  get(id: string): Reply | undefined {
    return this.entries.get(id);
  }
}
