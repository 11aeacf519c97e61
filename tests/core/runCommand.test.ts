import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { CommandContext } from '../../src/core/commands/context.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('running commands', () => {
  let temp: TempCore;
  let member: CommandContext;
  beforeAll(() => {
    temp = tempCore({ seed: true });
    member = {
      core: temp.core,
      channel: { platform: 'web', workspace: 'local', channel: 'news' },
      user: { id: 'u1', isAdmin: false, adminHint: 'a workspace admin or owner' },
    };
  });
  afterAll(() => temp.cleanup());

  it('refuses admin subcommands to members, naming who may do them', async () => {
    const reply = await runCommand('/brief feeds add https://example.com/rss', member);
    expect(reply.kind).toBe('error');
    expect(reply.ephemeral).toBe(true);
    expect(reply.sections[0]?.text).toContain('a workspace admin or owner');
  });

  it('lets everyone search and read help', async () => {
    const search = await runCommand('search Kharkiv', member);
    expect(search.kind).toBe('answer');
    expect(search.sections.length).toBeGreaterThan(0);
    expect(search.sections[0]?.sources?.[0]?.outlet).toBeTruthy();
    const help = await runCommand('help', member);
    expect(help.sections[0]?.fields?.length).toBeGreaterThanOrEqual(10);
  });

  it('turns a typo into an error reply with the usage line', async () => {
    const reply = await runCommand('/brief serch ATACMS', member);
    expect(reply.kind).toBe('error');
    expect(reply.sections[0]?.text).toMatch(/not a \/brief command[\s\S]*Usage:/);
  });
});
