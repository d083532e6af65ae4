import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/architecture.md and which way each may look. A layer may import its own files and the
 * layers in `may`; the layers in `types` only with `import type`; every other layer not at all.
 * `src/run` is the run engine between patterns and flow (a Session: world, handlers, pattern, trace).
 * Four narrow exceptions, kept on purpose:
 * - sim/format.ts (durations, clock times, byte counts as text; no simulation) may be used by the
 *   stage and the ui, whose row says "sim types";
 * - sim/sorted.ts (one binary search over sorted moments or events; no simulation) may be used by the stage;
 * - content/pattern-registry.ts (a table of the patterns with no imports: names, colours) may be read
 *   by the stage, so that a pattern has one colour on the stage, the buttons and the chart;
 * - the ui may know the stage's types (the model it hands over, the handle it gets back), never load
 *   it: the app hands it a loader.
 * Packages: Phaser only in the stage, msw only in the network, XState not in the core below patterns.
 * The app may import every layer, but Phaser, msw and the stage only lazily (import()), so that the
 * title screen is usable before they load (docs/architecture.md, budgets). no-restricted-imports does not see import().
 */
const LAYERS = ['sim', 'content', 'net', 'patterns', 'run', 'flow', 'stage', 'ui', 'app'];
const below = (layer) => LAYERS.slice(0, LAYERS.indexOf(layer));
const layers = {
  sim: { may: [], packages: ['phaser', 'msw', 'msw/*', 'xstate'] },
  content: { may: ['sim'], packages: ['phaser', 'msw', 'msw/*', 'xstate'] },
  net: { may: ['sim', 'content'], packages: ['phaser', 'xstate'] },
  patterns: { may: ['sim', 'content'], types: ['net'], packages: ['phaser', 'msw', 'msw/*'] },
  run: { may: below('run'), packages: ['phaser', 'msw', 'msw/*'] },
  flow: { may: below('flow'), packages: ['phaser', 'msw', 'msw/*'] },
  stage: { may: [], types: ['flow', 'sim', 'content'], values: ['sim/format.ts', 'sim/sorted.ts', 'content/pattern-registry.ts'], packages: ['msw', 'msw/*'] },
  ui: { may: ['flow', 'content'], types: ['sim', 'stage'], values: ['sim/format.ts'], packages: ['phaser', 'msw', 'msw/*'] },
  app: { may: LAYERS.filter((l) => l !== 'app' && l !== 'stage'), types: ['stage'], lazy: ['phaser', 'msw', 'msw/*'], note: 'load the stage with import()' },
};

function layerRules() {
  return Object.entries(layers).map(([layer, { may, types = [], values = [], packages = [], lazy = [], note }]) => {
    const refused = LAYERS.filter((l) => l !== layer && !may.includes(l) && !types.includes(l));
    const where = `docs/architecture.md: ${layer} may import ${[...may, ...types.map((t) => `${t} types`)].join(', ') || 'nothing of ours'}`;
    const patterns = [];
    if (refused.length) patterns.push({ group: refused.map((l) => `**/${l}/*`), message: where });
    if (types.length) {
      patterns.push({
        group: [...types.map((l) => `**/${l}/*`), ...values.map((v) => `!**/${v}`)],
        allowTypeImports: true,
        message: `${where} (import type only)${note ? `; ${note}` : ''}`,
      });
    }
    if (packages.length) patterns.push({ group: packages, message: `${where}; Phaser lives in the stage, msw in net, XState above the core` });
    if (lazy.length) patterns.push({ group: lazy, allowTypeImports: true, message: 'the app loads Phaser, msw and the stage lazily, with import()' });
    return {
      files: layer === 'app' ? ['src/app/**', 'src/main.ts'] : [`src/${layer}/**`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'dist-scorm/', 'node_modules/', 'test-results/', 'playwright-report/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layerRules(),
);
