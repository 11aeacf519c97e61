// Runs a TypeScript entry point of src/ as an esbuild bundle, built the first time a version of
// the sources runs and kept in node_modules/.cache/newsbrief. Loading ~250 modules through tsx's
// loader thread took ~0.8 s of every CLI command (`status --json` 1.8–2.1 s, bundled 1.1 s;
// `--help` 0.9 → 0.4 s) and ~50 MB of RSS. There is still no build step to run: a
// change to any file under src/ gives a new bundle on the next start. When bundling cannot be
// done (no esbuild, a read-only install), the sources run through tsx as before, with a warning.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeAside } from '../src/core/workers/writeAside.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
/** Bumped when the bundle's options below change, so older bundles are not reused. */
const FORMAT = 1;
/** How long a superseded bundle stays (see pruneOlder). */
const STALE_MS = 60 * 60 * 1000;
const SUPERSEDED = 'superseded';

/**
 * Imports `entry` (a file URL in one of `dirs` of `root`), bundled when possible. `dirs` are the
 * directories whose files the bundle is built from: src/ for the CLI, and bench/ for benchmarks.
 */
export async function importSource(entry, { root = PROJECT, dirs = ['src'] } = {}) {
  let bundled;
  try {
    bundled = await bundleOf(fileURLToPath(entry), projectAt(root, dirs));
  } catch (error) {
    process.stderr.write(`newsbrief: running the TypeScript sources through tsx (could not bundle them: ${error.message})\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return import(entry.href);
  }
  // Stack traces name the .ts files and lines, as they did through tsx.
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(bundled).href);
}

const projectAt = (root, dirs) => ({ root, sources: dirs.map((dir) => join(root, dir)), cache: join(root, 'node_modules', '.cache', 'newsbrief') });

async function bundleOf(entryPath, project) {
  const name = nameOf(entryPath, project);
  const dir = join(project.cache, `${name}-${sourcesKey(entryPath, project)}`);
  const file = join(dir, `${basename(entryPath, '.ts')}.mjs`);
  if (existsSync(file)) {
    // Sources back at a version already bundled: that bundle is current again.
    rmSync(join(dir, SUPERSEDED), { force: true });
    return file;
  }
  // Written aside, then renamed into place: a process never reads a half-written bundle.
  writeAside(dir, await build(entryPath, dir, project));
  pruneOlder(dir, name, project);
  return file;
}

const nameOf = (path, { root }) => relative(root, path).replace(/\.ts$/, '').replace(/[^\w-]+/g, '_');

/**
 * A hash of every file under the source directories (path, size, modification time), of the
 * entry, the bundle format and esbuild's version: what the bundle's content depends on. Stat-ing
 * ~300 files takes a few milliseconds; the files themselves are read only to build.
 */
function sourcesKey(entryPath, { root, sources }) {
  const hash = createHash('sha256').update(`${FORMAT}\n${entryPath}\n${esbuildVersion(root)}\n`);
  for (const path of sources.flatMap(filesUnder)) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(root, path)}\t${size}\t${mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function esbuildVersion(root) {
  const manifest = join(root, 'node_modules', 'esbuild', 'package.json');
  if (!existsSync(manifest)) throw new Error('esbuild is not installed');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/**
 * Our sources as ES modules: the entry, and a chunk per set of modules imported dynamically, so
 * a command still loads only what it uses (without chunks `status` loaded every adapter and was
 * slower than tsx). Packages stay imports, resolved from node_modules beside the cache. Each
 * module's `import.meta.url` becomes its source file's URL: data files, migrations and worker
 * modules are found next to the sources, where they are.
 */
async function build(entryPath, outdir, { sources }) {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    splitting: true,
    // Where the files end up (written aside first, a sibling): source maps point from there.
    outdir,
    outExtension: { '.js': '.mjs' },
    sourcemap: true,
    write: false,
    logLevel: 'silent',
    plugins: [sourceUrls(sources)],
  });
  return result.outputFiles;
}

const sourceUrls = (sources) => ({
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
      if (!sources.some((dir) => path.startsWith(dir + sep))) return undefined;
      const contents = withSourceMeta(await readFile(path, 'utf8'), path);
      return { contents, loader: path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(path) };
    });
  },
});

/** `import.meta.url`, `.dirname` and `.filename` as the source file's own. */
function withSourceMeta(text, path) {
  if (!text.includes('import.meta.')) return text;
  return text
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
    .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
    .replaceAll('import.meta.filename', JSON.stringify(path));
}

/**
 * Bundles of the same entry for other versions of the sources are marked superseded when a new
 * one is built, and removed by a build an hour after that. A process started on an older bundle reads its chunks
 * when it first imports them, all at start today; the hour keeps them there for any it reads later.
 * Directories still being written (`name.pid.time`) are left alone unless a crash left them.
 */
function pruneOlder(current, entryName, { cache }) {
  const sameEntry = new RegExp(`^${entryName}-[0-9a-f]{16}(\\.|$)`);
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path === current || !sameEntry.test(name)) continue;
    try {
      if (name.includes('.')) removeIfOlder(path, path);
      else if (!existsSync(join(path, SUPERSEDED))) writeFileSync(join(path, SUPERSEDED), '');
      else removeIfOlder(join(path, SUPERSEDED), path);
    } catch (error) {
      // Housekeeping only: another process may be pruning the same directory.
      if (error.code !== 'ENOENT') process.stderr.write(`newsbrief: could not remove an old bundle, ${path}: ${error.message}\n`);
    }
  }
}

function removeIfOlder(marker, path) {
  if (Date.now() - statSync(marker).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
}
