import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { localContext } from '../../core/commands/context.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import { checkReport } from '../../core/feedRegistry/checkReport.ts';
import { UserFacingError } from '../../core/result.ts';
// src/feeds (undici, rss-parser, html-to-text, xml2js) is imported inside the actions that
// need it: every other command's start-up would otherwise pay for loading it.
import { printReply, printResult } from '../output.ts';
import { loadCliConfig, withRuntime, type GlobalOptions, type Runtime } from '../runtime.ts';

const isUrl = (text: string): boolean => /^https?:\/\//i.test(text);

/** `feeds list|add|remove` go through the same /brief command a chat user types. */
function registerThroughCommand(feeds: Command, action: 'list' | 'add' | 'remove', description: string): void {
  const sub = feeds.command(action).description(description).option('--json', 'print JSON');
  if (action !== 'list') sub.argument('<url>', 'the feed URL');
  sub.action(async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    await withRuntime(globals, async ({ core, config }) => {
      if (action === 'add') await screenAdditions(core, config);
      const command = action === 'list' ? { name: 'feeds' as const, action } : { name: 'feeds' as const, action, url: args[0] as string };
      const reply = await runCommand(command, localContext(core));
      printReply(globals.json, reply);
      if (reply.kind === 'error') process.exitCode = 1;
    });
  });
}

/** A feed on a private or loopback address is refused when added, as its polls would be. */
async function screenAdditions(core: Runtime['core'], config: Runtime['config']): Promise<void> {
  const { addressScreen } = await import('../../feeds/addressScreen.ts');
  core.feeds.screenAdditions(addressScreen(config.FEEDS_ALLOW_HOSTS));
}

async function check(target: string, globals: GlobalOptions): Promise<void> {
  if (isUrl(target)) {
    const { installFeedSource } = await import('../../feeds/installFeedSource.ts');
    await withRuntime(globals, async ({ core, config }) => {
      installFeedSource(core, config);
      const reply = await runCommand({ name: 'feeds', action: 'check', url: target }, localContext(core));
      printReply(globals.json, reply);
      if (reply.kind === 'error') process.exitCode = 1;
    });
    return;
  }
  // A file is parsed exactly as a fetched body would be; no database is opened.
  const config = loadCliConfig(globals);
  const { parseFeedFile } = await import('../../feeds/feedFile.ts');
  const report = checkReport(await parseFeedFile(target, config.FEEDS_MAX_BYTES));
  printResult(globals.json, report, () =>
    report.ok
      ? [`${report.feed.title ?? '(untitled)'}: ${report.items.length} item${report.items.length === 1 ? '' : 's'}`, ...report.items.map((i) => `  ${i.publishedAt?.slice(0, 10) ?? 'undated   '} ${i.title ?? i.id}`)].join('\n')
      : `${target}: ${report.error!.message}`,
  );
  if (!report.ok) process.exitCode = 1;
}

async function importOpml(file: string, globals: GlobalOptions): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserFacingError('feeds/unreadable', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { parseOpml } = await import('../../feeds/opml.ts');
  const parsed = await parseOpml(text);
  if (!parsed.ok) throw new UserFacingError(parsed.error.code, parsed.error.message);
  await withRuntime(globals, async ({ core, config }) => {
    await screenAdditions(core, config);
    const results = parsed.value.map((entry) => ({ url: entry.url, result: core.feeds.add(entry.url, 'opml', entry.title) }));
    const added = results.filter((r) => r.result.ok && r.result.value.created).map((r) => r.url);
    const known = results.filter((r) => r.result.ok && !r.result.value.created).map((r) => r.url);
    const errors = results.flatMap((r) => (r.result.ok ? [] : [{ url: r.url, message: r.result.error.message }]));
    printResult(globals.json, { added, alreadyFollowed: known, errors }, () =>
      [`${added.length} feeds added, ${known.length} already followed, ${errors.length} refused`, ...errors.map((e) => `  ${e.url}: ${e.message}`)].join('\n'),
    );
  });
}

export function registerFeeds(program: Command): void {
  const feeds = program.command('feeds').description('the feeds newsbrief polls: list, add, remove, check, import, export');
  registerThroughCommand(feeds, 'list', 'list followed feeds with their health');
  registerThroughCommand(feeds, 'add', 'follow a feed (its current items are recorded without alerts)');
  registerThroughCommand(feeds, 'remove', 'stop following a feed');
  feeds
    .command('check')
    .description('fetch (or read a file) and parse a feed without storing anything')
    .argument('<url-or-file>', 'an http(s) feed URL or a local feed file')
    .option('--json', 'print JSON: {ok, feed:{title,link}, items:[{id,title,link,publishedAt}], error?}')
    .action(async (target: string, _options: unknown, cmd: Command) => check(target, cmd.optsWithGlobals<GlobalOptions>()));
  feeds
    .command('import')
    .description('follow every feed listed in an OPML file')
    .argument('<opml-file>', 'OPML 1.0 or 2.0 file')
    .option('--json', 'print JSON')
    .action(async (file: string, _options: unknown, cmd: Command) => importOpml(file, cmd.optsWithGlobals<GlobalOptions>()));
  feeds
    .command('export')
    .description('print the followed feeds as OPML 2.0')
    .action(async (_options: unknown, cmd: Command) => {
      const { toOpml } = await import('../../feeds/opml.ts');
      await withRuntime(cmd.optsWithGlobals<GlobalOptions>(), ({ core }) => {
        process.stdout.write(`${toOpml(core.feeds.list(), core.clock.now())}\n`);
      });
    });
}
