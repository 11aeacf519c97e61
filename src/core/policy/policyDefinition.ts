import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { appError, err, ok, type AppError, type Result } from '../result.ts';

/**
 * What a tracked policy is (data/policies.json): who decides it (actor and aliases), which
 * weapons it is about, and its states in rank order. A loosening decision moves a policy up
 * the ranks, a reversal moves it down; the state's scopes and subjects say which rank a
 * sentence speaks of.
 */
const stateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string().min(1),
  rank: z.number().int().min(0),
  description: z.string().min(1),
  scopes: z.array(z.string().min(1)).default([]),
  subjects: z.array(z.string().min(1)).default([]),
});

const policySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a policy id is lower-case letters, digits and "-"'),
  name: z.string().min(1),
  actor: z.object({
    name: z.string().min(1),
    short: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
    demonyms: z.array(z.string().min(1)).default([]),
  }),
  subjects: z.array(z.string().min(1)).default([]),
  defaultSubject: z.string().min(1),
  initialState: z.string().min(1),
  states: z.array(stateSchema).min(2),
});

const fileSchema = z.object({ policies: z.array(policySchema).min(1) });

export type PolicyState = z.infer<typeof stateSchema>;
export type PolicyDefinition = z.infer<typeof policySchema>;

export const DEFAULT_POLICIES_FILE = new URL('../../../data/policies.json', import.meta.url);

/** Parses and checks a policies document; every problem names the policy and field. */
export function parsePolicies(json: unknown): Result<PolicyDefinition[], AppError> {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return err(appError('policy/invalid-definitions', `policies.json: ${issue.path.join('.')} — ${issue.message}.`));
  }
  for (const policy of parsed.data.policies) {
    const ids = new Set(policy.states.map((s) => s.id));
    if (!ids.has(policy.initialState)) {
      return err(appError('policy/invalid-definitions', `policies.json: policy "${policy.id}" starts in "${policy.initialState}", which is not one of its states.`));
    }
    if (new Set(policy.states.map((s) => s.rank)).size !== policy.states.length) {
      return err(appError('policy/invalid-definitions', `policies.json: policy "${policy.id}" has two states with the same rank.`));
    }
    policy.states.sort((a, b) => a.rank - b.rank);
  }
  const ids = parsed.data.policies.map((p) => p.id);
  if (new Set(ids).size !== ids.length) return err(appError('policy/invalid-definitions', 'policies.json: two policies share an id.'));
  return ok(parsed.data.policies);
}

export function loadPolicies(file: string | URL = DEFAULT_POLICIES_FILE): Result<PolicyDefinition[], AppError> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return err(appError('policy/unreadable-definitions', `Cannot read the policy definitions (${String(file)}): ${(error as Error).message}.`));
  }
  return parsePolicies(json);
}

export const stateOf = (policy: PolicyDefinition, id: string): PolicyState =>
  policy.states.find((s) => s.id === id) ?? policy.states[0]!;
