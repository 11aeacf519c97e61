import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES_FILE, loadPolicies, parsePolicies } from '../../src/core/policy/policyDefinition.ts';

const bundled = () => JSON.parse(readFileSync(DEFAULT_POLICIES_FILE, 'utf8')) as { policies: Record<string, unknown>[] };

describe('policy definitions (data/policies.json)', () => {
  it('the bundled file tracks the US, UK, France and Germany, each starting prohibited, states in rank order', () => {
    const loaded = loadPolicies();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.map((p) => p.id)).toEqual(['us', 'uk', 'france', 'germany']);
    for (const policy of loaded.value) {
      expect(policy.initialState).toBe('prohibited');
      expect(policy.states.map((s) => s.rank)).toEqual([...policy.states.map((s) => s.rank)].sort((a, b) => a - b));
    }
    expect(loaded.value[0]!.states.map((s) => s.id)).toEqual(['prohibited', 'limited', 'permitted', 'unrestricted']);
  });

  it('a policy starting in a state it does not define is refused with the policy named', () => {
    const file = bundled();
    file.policies[1] = { ...file.policies[1], initialState: 'banned' };
    const parsed = parsePolicies(file);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'policy/invalid-definitions', message: expect.stringContaining('"uk" starts in "banned"') } });
  });

  it('two policies with one id, or a missing field, are refused with where the problem is', () => {
    const file = bundled();
    expect(parsePolicies({ policies: [file.policies[0], file.policies[0]] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('share an id') } });
    const { actor: _actor, ...withoutActor } = file.policies[0]!;
    expect(parsePolicies({ policies: [withoutActor] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('policies.0.actor') } });
  });

  it('an unreadable file is an error value that says which file', () => {
    expect(loadPolicies('/nonexistent/policies.json')).toMatchObject({ ok: false, error: { code: 'policy/unreadable-definitions', message: expect.stringContaining('/nonexistent/policies.json') } });
  });
});
