import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: ROOT + filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries are enforced by lint', () => {
  it('fails when src/core imports an adapter, the feeds layer or a platform SDK', async () => {
    expect(await lintAs('src/core/x.ts', "import '../bots/slack/app.ts';\n")).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(await lintAs('src/core/x.ts', "import '../feeds/fetcher.ts';\n")).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(await lintAs('src/core/x.ts', "import 'discord.js';\n")).toEqual([expect.stringContaining('platform SDK')]);
  });

  it('fails when one adapter imports another or touches the store', async () => {
    expect(await lintAs('src/bots/slack/x.ts', "import '../discord/render.ts';\n")).toEqual([expect.stringContaining('Adapters never import each other')]);
    expect(await lintAs('src/bots/web/x.ts', "import '../../core/store/database.ts';\n")).toEqual([expect.stringContaining('never touch SQL')]);
  });

  it('allows the core to import itself', async () => {
    // A real file's path: the cycle rule reads the importing file's own module graph.
    expect(await lintAs('src/core/clock.ts', "export { ok } from './result.ts';\n")).toEqual([]);
  });
});
