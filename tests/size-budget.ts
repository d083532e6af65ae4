/**
 * The size budgets of docs/architecture.md, measured on the production build in dist/: the entry chunk (the
 * JavaScript dist/index.html loads before the first screen: its module script and the chunks it
 * preloads) at most 60 KB gzip, and all shipped JavaScript at most 560 KB gzip. Each file is gzipped
 * with node:zlib at its default level.
 *
 * `npm run test:size` builds and runs this file (and `npm test` runs test:size); `npm run bench`
 * reports the same figures through measureBundle(). `node --import tsx tests/size-budget.ts [dist]`
 * checks an existing build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
export const budgets = { entry: 60 * KB, total: 560 * KB };

export interface BundleSizes {
  /** The entry chunk's files, relative to dist/. */
  entryFiles: string[];
  /** Their gzip size together, in bytes. */
  entry: number;
  /** Every JavaScript file in dist/ with its gzip size, largest first. */
  files: Array<{ file: string; gzip: number }>;
  total: number;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

export function measureBundle(dist = 'dist'): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entryFiles = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(?:\.?\/)?([^"]+\.js)"/g)].map((m) => m[1]);
  if (entryFiles.length === 0) throw new Error(`${dist}/index.html loads no JavaScript file that this script can find`);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const files = jsFiles(dist)
    .map((path) => ({ file: relative(dist, path), gzip: gz(path) }))
    .sort((a, b) => b.gzip - a.gzip);
  const missing = entryFiles.filter((f) => !files.some((x) => x.file === f));
  if (missing.length) throw new Error(`${dist}/index.html loads ${missing.join(', ')}, which is not in ${dist}/`);
  const entry = files.filter((f) => entryFiles.includes(f.file)).reduce((sum, f) => sum + f.gzip, 0);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { entryFiles, entry, files, total };
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function main(): number {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`No build in ${dist}/: run \`npx vite build\` (or \`npm run build\`) first.`);
    return 2;
  }
  const sizes = measureBundle(dist);
  for (const f of sizes.files) console.log(`  ${kb(f.gzip).padStart(10)}  ${f.file}${sizes.entryFiles.includes(f.file) ? '  (entry)' : ''}`);
  const rows = [
    ['Entry chunk, gzip', sizes.entry, budgets.entry],
    [`All shipped JavaScript, gzip (${sizes.files.length} files)`, sizes.total, budgets.total],
  ] as const;
  let over = 0;
  for (const [what, measured, budget] of rows) {
    const ok = measured <= budget;
    if (!ok) over++;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${what.padEnd(44)} ${kb(measured).padStart(10)}   budget <= ${kb(budget)}`);
  }
  if (over) console.error(`\n${over} size budget(s) of docs/architecture.md exceeded.`);
  return over ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
