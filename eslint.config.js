// Layers you can lint: the core knows no adapter, feed code or platform SDK; adapters never
// import each other; nothing imports in a cycle.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const PLATFORM_SDKS = ['@slack/*', 'discord.js', '@discordjs/*', 'undici', 'rss-parser', 'node-cron', 'playwright-core'];
const adapters = ['slack', 'discord', 'web'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'test-output/**', 'coverage/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    // eslint-plugin-import rather than import-x: import-x's native resolver ships per-libc
    // optional packages that npm 11 leaves out of the lock file, which breaks `npm ci`.
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } }, 'import/extensions': ['.ts', '.js'] },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/bots/**', '**/feeds/**', '**/cli/**'], message: 'src/core must not import adapters, feeds or the CLI: declare a port in src/core instead.' },
          { group: PLATFORM_SDKS, message: 'src/core must not import a platform SDK or transport library.' },
        ],
      }],
    },
  },
  {
    files: ['src/feeds/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/bots/**', '**/cli/**', '@slack/*', 'discord.js', '@discordjs/*'], message: 'src/feeds must not import adapters or the CLI.' }],
      }],
    },
  },
  ...adapters.map((name) => ({
    files: [`src/bots/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            group: adapters.filter((other) => other !== name).flatMap((other) => [`**/bots/${other}/**`, `../${other}`, `../${other}/**`]),
            message: 'Adapters never import each other.',
          },
          { group: ['**/store/**', 'better-sqlite3'], message: 'Adapters never touch SQL: go through commands and core services.' },
          { group: ['**/cli/**'], message: 'Adapters do not import the CLI.' },
        ],
      }],
    },
  })),
);
