import { errorReply, type Reply } from '../reply.ts';
import type { PolicyDefinition } from './policyDefinition.ts';

/** A policy name nobody tracks: say which ones exist. */
export function unknownPolicyReply(name: string, definitions: readonly PolicyDefinition[]): Reply {
  const known = definitions.map((p) => `${p.id} (${p.name})`).join(', ');
  return errorReply('Unknown policy', `"${name.slice(0, 40)}" is not a tracked policy. Tracked: ${known}.`, {
    code: 'policy/unknown',
    known: definitions.map((p) => p.id),
  });
}
