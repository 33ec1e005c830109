import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../lib/project-paths.ts';

/*
 * The web console's assets are never committed: they are built from console/ by Vite the
 * first time `serve` (or a browser test) needs them, and again whenever a source file, the
 * lockfile or this build recipe changed since. `npm ci` stays a plain install, and the
 * README's ingest command does not wait for a build it does not use.
 */

export const CONSOLE_ROOT = fileURLToPath(new URL('../console/', import.meta.url));
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
const STAMP = '.source-hash';
/** The console, and the sample host page of the embeddable importer. */
const PAGES = ['index.html', 'importer-sample.html'];
/** The importer's module keeps one name, so a page embeds it by a URL that never changes. */
export const IMPORTER_FILE = 'afp-importer.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A hash of everything the build reads from this repository: the console's sources, the lockfile, this recipe. */
async function sourceHash(): Promise<string> {
  const files = [
    ...(await listFiles(join(CONSOLE_ROOT, 'src'))),
    ...PAGES.map((page) => join(CONSOLE_ROOT, page)),
    join(PROJECT_ROOT, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(PROJECT_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/** True when console/dist holds a build of the current sources. */
export async function isConsoleBuilt(): Promise<boolean> {
  const stamp = join(CONSOLE_DIST, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === (await sourceHash());
}

/**
 * Build the console into console/dist unless it already holds a build of these sources; the
 * folder's path. Built into a folder of its own and renamed, so a server reading dist never
 * sees half a build.
 */
export async function ensureConsoleBuilt(onBuild?: () => void): Promise<string> {
  const hash = await sourceHash();
  const stamp = join(CONSOLE_DIST, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return CONSOLE_DIST;
  onBuild?.();
  const { build } = await import('vite');
  const outDir = join(CONSOLE_ROOT, `.dist-${process.pid}`);
  try {
    await build({
      root: CONSOLE_ROOT,
      // relative asset URLs: the same build works under /console/ locally and at a CDN's root
      base: './',
      configFile: false,
      logLevel: 'warn',
      esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        chunkSizeWarningLimit: 1024,
        rollupOptions: {
          input: {
            ...Object.fromEntries(PAGES.map((page) => [page.replace(/\.html$/, ''), join(CONSOLE_ROOT, page)])),
            importer: join(CONSOLE_ROOT, 'src/importer/afp-importer.ts'),
          },
          output: { entryFileNames: (chunk) => (chunk.name === 'importer' ? IMPORTER_FILE : 'assets/[name]-[hash].js') },
        },
      },
    });
    await writeFile(join(outDir, STAMP), hash);
    await rm(CONSOLE_DIST, { recursive: true, force: true });
    try {
      await rename(outDir, CONSOLE_DIST);
    } catch (err) {
      // another process (a second `serve`, a parallel test file) put the same build there first
      if (!(await isConsoleBuilt())) throw err;
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return CONSOLE_DIST;
}
