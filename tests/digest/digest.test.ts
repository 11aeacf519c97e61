import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { localContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { Digest } from '../../src/core/digest/digest.ts';
import { digestReply } from '../../src/core/digest/digestReply.ts';
import { replyToText } from '../../src/core/reply.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('the digest of the bundled corpus', () => {
  let t: TempCore;
  beforeAll(() => {
    t = tempCore({ seed: true, clock: new ManualClock('2024-09-14T12:00:00Z') });
  });
  afterAll(() => t.cleanup());

  const build = (since: string, until: string) => t.core.delivery.digests.build({ since, until });

  it('makes the three September reports one story citing all three outlets', () => {
    const digest = build('2024-09-01T00:00:00Z', '2024-09-14T12:00:00Z');
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0]!.sources.map((s) => s.outlet)).toEqual(['CNN', 'Fox News', 'Unknown outlet (citing Politico)']);
    expect(digest.stories[0]!.summary.length).toBeGreaterThan(40);
    expect(digest.counts).toEqual({ articles: 3, outlets: 3, stories: 1 });
  });

  it("shows May's permission as the standing US state, unchanged in September", () => {
    const us = build('2024-09-01T00:00:00Z', '2024-09-14T12:00:00Z').status.find((s) => s.policy.startsWith('US'))!;
    expect(us.state).toMatch(/^Limited/);
    expect(us.since?.slice(0, 10)).toBe('2024-05-30');
    expect(us.changed).toBe(false);
  });

  it('ranks the policy decision first and keeps it apart from the pressure the day before', () => {
    const digest = build('2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z');
    expect(digest.stories.map((s) => s.sources.map((x) => x.outlet))).toEqual([['CNN'], ['NBC News']]);
    expect(digest.status.find((s) => s.policy.startsWith('US'))!.changed).toBe(true);
  });

  it('reads as status line first, then signals, stories with sources, and the counts last', () => {
    const window = { since: '2024-09-01T00:00:00Z', until: '2024-09-14T12:00:00Z' };
    const text = replyToText(digestReply(t.core.delivery.digests.build(window), t.core.delivery.digests.signals(window)));
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^No change: US weapons against targets inside Russia: Limited/);
    expect(text).toMatch(/Signals\n• US weapons against targets inside Russia: urged by \d+ sources?/);
    expect(text).toContain('• Fox News, 2024-09-12, Biden faces mounting pressure');
    expect(lines.at(-1)).toBe('3 articles from 3 outlets, 1 story');
  });

  it("holds only the articles matching the channel's own topics", () => {
    const channel = { platform: 'slack' as const, workspace: 'T9', channel: 'C9' };
    expect(t.core.topics.add(channel, 'lift-ban', '"lift the ban"').ok).toBe(true);
    // A channel's own set starts as a copy of the defaults: keep only the new topic.
    for (const topic of t.core.topics.forChannel(channel).topics) if (topic.topic !== 'lift-ban') t.core.topics.remove(channel, topic.topic);
    const digest = t.core.delivery.digests.build({ since: '2024-09-01T00:00:00Z', until: '2024-09-14T12:00:00Z' }, channel);
    expect(digest.stories.flatMap((s) => s.sources.map((x) => x.outlet))).toEqual(['Fox News']);
    expect(digest.counts).toEqual({ articles: 1, outlets: 1, stories: 1 });
  });

  it('says a quiet day in one line', async () => {
    (t.core.clock as ManualClock).set('2024-10-01T12:00:00Z');
    const reply = await runCommand('/brief digest today', localContext(t.core));
    expect(reply.kind).toBe('digest');
    expect(reply.sections).toHaveLength(1);
    expect(reply.sections[0]!.text).toMatch(/^Quiet: no new articles on your topics since 2024-10-01 00:00 UTC\./);
  });
});

describe('newsbrief digest (CLI contract)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-digest-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints {window, status, stories, counts} as one JSON document', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/newsbrief.js'), '--db', join(dir, 'cli.db'), 'digest', '--since', '2024-09-01', '--until', '2024-09-15', '--json'], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    const digest = JSON.parse(stdout) as Digest;
    expect(Object.keys(digest)).toEqual(['window', 'status', 'stories', 'counts']);
    expect(digest.window).toEqual({ since: '2024-09-01T00:00:00.000Z', until: '2024-09-15T00:00:00.000Z' });
    expect(Object.keys(digest.stories[0]!)).toEqual(['headline', 'summary', 'sources']);
    expect(Object.keys(digest.stories[0]!.sources[0]!)).toEqual(['outlet', 'title', 'url', 'publishedAt']);
    expect(Object.keys(digest.status[0]!)).toEqual(['policy', 'state', 'since', 'changed']);
    expect(digest.stories[0]!.sources).toHaveLength(3);
  });

  it('refuses a --since that is not a date as bad usage (exit code 2), before opening any database', async () => {
    const program = buildProgram();
    const quiet = (command: Command): void => {
      command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
      command.commands.forEach(quiet);
    };
    quiet(program);
    const failure = await program.parseAsync(['node', 'newsbrief', '--db', join(dir, 'never.db'), 'digest', '--since', 'yesterday']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommanderError);
    expect(failure).toMatchObject({ exitCode: 2, message: expect.stringContaining('"yesterday" is not an ISO date') });
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });
});
