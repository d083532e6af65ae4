import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js keep their promise (docs/architecture.md): for each layer, imports the
 * table refuses are reported and imports it allows are not. Each case is linted as if it were a file
 * in that layer's folder; nothing is written to disk.
 */
const cases: Record<string, { refused: string[]; allowed: string[] }> = {
  sim: {
    refused: [
      '../content/schema.ts',
      '../net/world.ts',
      '../patterns/app.ts',
      '../run/session.ts',
      '../flow/level-machine.ts',
      '../stage/model.ts',
      '../ui/dom.ts',
      '../app/params.ts',
      'phaser',
      'msw',
      'xstate',
      'type ../content/schema.ts',
    ],
    allowed: ['./trace.ts'],
  },
  content: {
    refused: [
      '../net/world.ts',
      '../patterns/app.ts',
      '../run/session.ts',
      '../flow/level-machine.ts',
      '../stage/model.ts',
      '../ui/dom.ts',
      '../app/params.ts',
      'phaser',
      'msw',
      'xstate',
      'type ../net/world.ts',
    ],
    allowed: ['../sim/trace.ts', './schema.ts'],
  },
  net: {
    refused: [
      '../patterns/app.ts',
      '../run/session.ts',
      '../flow/level-machine.ts',
      '../stage/model.ts',
      '../ui/dom.ts',
      '../app/params.ts',
      'phaser',
      'xstate',
    ],
    allowed: ['../sim/trace.ts', '../content/schema.ts', 'msw', 'msw/node'],
  },
  patterns: {
    refused: ['../net/world.ts', '../run/session.ts', '../flow/level-machine.ts', '../stage/model.ts', '../ui/dom.ts', '../app/params.ts', 'phaser', 'msw'],
    allowed: ['type ../net/world.ts', '../sim/clock.ts', '../content/schema.ts', 'xstate', './app.ts'],
  },
  run: {
    refused: ['../flow/level-machine.ts', '../stage/model.ts', '../ui/dom.ts', '../app/params.ts', 'phaser', 'msw', 'type ../flow/level-machine.ts'],
    allowed: ['../sim/clock.ts', '../content/schema.ts', '../net/world.ts', '../patterns/index.ts'],
  },
  flow: {
    refused: ['../stage/model.ts', '../ui/dom.ts', '../app/params.ts', 'phaser', 'msw', 'type ../ui/ports.ts'],
    allowed: ['../run/session.ts', '../patterns/index.ts', '../net/storage-guard.ts', '../content/catalog.ts', '../sim/clock.ts', 'xstate'],
  },
  stage: {
    refused: [
      '../content/schema.ts',
      '../net/world.ts',
      '../patterns/app.ts',
      '../run/session.ts',
      '../ui/dom.ts',
      '../app/params.ts',
      'msw',
      '../flow/level-machine.ts',
      '../sim/trace.ts',
      'type ../ui/ports.ts',
    ],
    allowed: ['type ../flow/level-machine.ts', 'type ../sim/trace.ts', '../sim/format.ts', '../content/pattern-registry.ts', 'phaser', './palette.ts'],
  },
  ui: {
    refused: [
      '../net/world.ts',
      '../patterns/app.ts',
      '../run/session.ts',
      'type ../run/session.ts',
      '../app/params.ts',
      'phaser',
      'type phaser',
      'msw',
      '../stage/index.ts',
      '../sim/clock.ts',
    ],
    allowed: ['../flow/level-machine.ts', '../content/present.ts', '../sim/format.ts', 'type ../sim/trace.ts', 'type ../stage/model.ts', './dom.ts', 'xstate'],
  },
  app: {
    refused: ['phaser', 'msw', '../stage/index.ts'],
    allowed: [
      '../flow/game-machine.ts',
      '../ui/shell.ts',
      '../content/catalog.ts',
      '../net/world.ts',
      '../run/session.ts',
      '../patterns/index.ts',
      '../sim/clock.ts',
      'xstate',
      'type ../stage/model.ts',
    ],
  },
};

const eslint = new ESLint({ overrideConfig: { rules: { '@typescript-eslint/no-unused-vars': 'off' } } });

/** The imports of `specs` that the layer rules report, linted as a file in src/<layer>/. */
async function reported(layer: string, specs: string[]): Promise<string[]> {
  const code = specs.map((s, i) => (s.startsWith('type ') ? `import type * as m${i} from '${s.slice(5)}';` : `import * as m${i} from '${s}';`)).join('\n');
  const [result] = await eslint.lintText(code, { filePath: `src/${layer}/layer-probe.ts` });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => specs[m.line - 1]);
}

describe('eslint guards the direction of every layer', () => {
  for (const [layer, { refused, allowed }] of Object.entries(cases)) {
    it(`${layer}: refuses what docs/architecture.md refuses, allows what it allows`, async () => {
      expect(await reported(layer, [...refused, ...allowed])).toEqual(refused);
    });
  }
});
