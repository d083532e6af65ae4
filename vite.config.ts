import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { repositoryRoot, thirdPartyNotices } from './scripts/third-party-notices.ts';
import { levelsDir, readLevelFiles } from './src/app/cli/node-levels.ts';
import { allLevels, buildCatalog, indexOf } from './src/content/catalog.ts';

const LEVEL_CATALOG = 'virtual:level-catalog';
const RESOLVED_LEVEL_CATALOG = '\0' + LEVEL_CATALOG;

/**
 * `virtual:level-catalog` (src/app/level-catalog.ts reads it): the level list, built from levels/ when the
 * game is built or served, with each level's entry only (id, rule, title) and any file that does not load
 * as an error the game reports; and a loader per level that imports its file as raw text, in a chunk of its
 * own, when the level opens. The dev server rebuilds it when a file under levels/ changes.
 */
function levelCatalog(): Plugin {
  return {
    name: 'level-catalog',
    resolveId: (id) => (id === LEVEL_CATALOG ? RESOLVED_LEVEL_CATALOG : null),
    load(id) {
      if (id !== RESOLVED_LEVEL_CATALOG) return null;
      const files = readLevelFiles();
      for (const path of Object.keys(files)) this.addWatchFile(`${levelsDir}/${path}`);
      const catalog = buildCatalog(files);
      const chapterOf = new Map(catalog.chapters.flatMap((c) => c.levels.map((l) => [l.id, c.id])));
      const loaders = allLevels(catalog).map((level) => {
        const path = `${chapterOf.get(level.id)}/${level.id}.json`;
        return `  ${JSON.stringify(level.id)}: () => import(${JSON.stringify(`/levels/${path}?raw`)}).then((m) => ({ file: ${JSON.stringify(`levels/${path}`)}, text: m.default })),`;
      });
      return `export const catalog = ${JSON.stringify(indexOf(catalog))};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(levelsDir)) return;
      const module = server.moduleGraph.getModuleById(RESOLVED_LEVEL_CATALOG);
      if (module) server.moduleGraph.invalidateModule(module);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

/**
 * Level files are bundled as raw text so that a malformed one is reported by the game, not by the
 * build. Valid ones are re-serialised without their indentation, and without what the game never reads:
 * the verdicts their author expects (`expected`, for the tests only) and `$schema` (for editors); invalid
 * ones are left as they are.
 */
function compactLevels(): Plugin {
  return {
    name: 'compact-level-files',
    transform(code, id) {
      if (!/\/levels\/.*\.json\?raw$/.test(id)) return null;
      const text = /^export default (".*");?\s*$/s.exec(code)?.[1];
      if (!text) return null;
      try {
        const level = JSON.parse(JSON.parse(text)) as Record<string, unknown>;
        delete level.expected;
        delete level.$schema;
        return { code: `export default ${JSON.stringify(JSON.stringify(level))};`, map: null };
      } catch {
        return null;
      }
    },
  };
}

/**
 * The level schema describes every field for authors' editors (`doc('…', schema)` in
 * src/content/schema.ts, written out by npm run levels:schema). The game never shows those words, so
 * the browser build leaves them out: `doc('…', x)` becomes `doc('', x)`. tests/unit/level-format.test.ts
 * checks that this leaves the schema's checks as they are.
 */
export function dropSchemaDocs(): Plugin {
  return {
    name: 'drop-schema-docs',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/src/content/schema.ts')) return null;
      return { code: stripDocs(code), map: null };
    },
  };
}

export function stripDocs(code: string): string {
  return code.replace(/\bdoc\(\s*(['"`])(?:\\.|(?!\1)[\s\S])*?\1\s*,/g, "doc('',");
}

// The preview server sends Access-Control-Allow-Origin so that the built game's module scripts
// load inside a sandboxed iframe, whose origin is opaque (docs/architecture.md, browser traps). Static hosts must do the same.
const corsHeaders = { 'Access-Control-Allow-Origin': '*' };

export default defineConfig({
  base: './',
  // dist/THIRD-PARTY-NOTICES.txt and dist/LICENSE.txt: what a host of the built game must know (README, for course authors).
  plugins: [levelCatalog(), compactLevels(), dropSchemaDocs(), thirdPartyNotices(repositoryRoot)],
  // msw's cookie jar needs one function of tldts; see src/net/registrable-domain.ts.
  // Phaser's build without Matter physics (the stage uses no physics): about 34 KB gzip less than its full ES
  // module, taken by its default export (src/stage imports `Phaser from 'phaser'`).
  resolve: {
    alias: {
      tldts: fileURLToPath(new URL('./src/net/registrable-domain.ts', import.meta.url)),
      phaser: fileURLToPath(new URL('./node_modules/phaser/dist/phaser-arcade-physics.min.js', import.meta.url)),
    },
  },
  server: { headers: corsHeaders },
  preview: { headers: corsHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // npm run bench builds the stage benchmark page on its own (BENCH_BUILD=1), never into dist/.
    rollupOptions: process.env.BENCH_BUILD ? { input: { bench: 'tests/bench/stage-bench.html' } } : undefined,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--experimental-websocket', '--no-warnings=ExperimentalWarning'],
    testTimeout: 20000,
  },
});
