import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { localContext } from '../../core/commands/context.ts';
import { runCommand } from '../../core/commands/runCommand.ts';
import { UserFacingError } from '../../core/result.ts';
import { printReply, printResult } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

/** `newsbrief status|timeline [policy] [--json]` and `newsbrief policy analyze [file|-] --json`. */
export function registerPolicy(program: Command): void {
  for (const name of ['status', 'timeline'] as const) {
    program
      .command(name)
      .description(name === 'status' ? 'current state of each tracked policy, its evidence and this week\'s signals' : 'every change of a tracked policy, in order, with what it replaced')
      .argument('[policy]', 'a policy id (us, uk, france, germany) or actor name')
      .option('--json', 'print JSON')
      .action(async (policy: string | undefined, _options: unknown, cmd: Command) => {
        const globals = cmd.optsWithGlobals<GlobalOptions>();
        await withRuntime(globals, async ({ core }) => {
          const reply = await runCommand(policy ? { name, policy } : { name }, localContext(core));
          printReply(globals.json, reply);
          if (reply.kind === 'error') process.exitCode = 1;
        });
      });
  }
  program
    .command('policy')
    .description('policy tracking tools')
    .command('analyze')
    .description('claims one article makes about the tracked policies, without storing it')
    .argument('[file]', 'an article: JSON {title,text,outlet?,publishedAt?}, Markdown with front matter, or text; "-" or nothing reads stdin', '-')
    .option('--json', 'print {change, claims[]} as JSON')
    .action(async (file: string, _options: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const article = await readArticle(file);
      // Imported when the command runs, as the core is (withRuntime): not on every CLI start.
      const [{ analyzeArticle }, { ClaimExtractor }, { loadDefaultPolicies }] = await Promise.all([
        import('../../core/policy/analyzeArticle.ts'),
        import('../../core/policy/claimExtractor.ts'),
        import('../../core/policy/createPolicies.ts'),
      ]);
      const analysis = analyzeArticle(new ClaimExtractor(loadDefaultPolicies()), article);
      printResult(globals.json, analysis, () =>
        [
          analysis.change ? 'Reports a policy change.' : 'Reports no policy change.',
          ...analysis.claims.map((c) => `${c.policy}\t${c.status}\t${c.actor} / ${c.subject}${c.scope ? ` / ${c.scope}` : ''}\n\t“${c.quote}”`),
        ].join('\n'),
      );
    });
}

async function readArticle(file: string): Promise<{ title?: string; text: string }> {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UserFacingError('policy/unreadable', `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const { parseArticleFile } = await import('../../core/corpus/articleFile.ts');
  const parsed = parseArticleFile(text, file === '-' ? 'stdin' : file);
  const [article] = parsed.articles;
  if (!article) throw new UserFacingError('policy/bad-article', parsed.errors[0]?.message ?? `${file}: no article in it.`);
  return { ...(article.title ? { title: article.title } : {}), text: article.text };
}
