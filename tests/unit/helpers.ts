import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { allLevels, findLevel } from '../../src/content/catalog.ts';
import { applyOverrides } from '../../src/content/overrides.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { Level } from '../../src/content/schema.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { resolveParams } from '../../src/content/params.ts';
import { simulate, type RunResult } from '../../src/run/session.ts';
import type { Frames } from '../../src/flow/playback.ts';

export const catalog = loadCatalog();
export const levels = allLevels(catalog);

export function level(id: string, overrides: Record<string, unknown> = {}): Level {
  const found = findLevel(catalog, id);
  if (!found) throw new Error(`no level ${id}`);
  const changed = applyOverrides(found, overrides);
  if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
  return changed.level;
}

export async function run(lvl: Level, pattern: PatternName, params: Record<string, number> = {}, seed = 1): Promise<RunResult> {
  const resolved = resolveParams(lvl, pattern, params);
  if (!resolved.ok) throw new Error(resolved.error);
  return simulate({ level: lvl, pattern, params: resolved.params, seed }, nodeHost());
}

/** Animation frames by hand: `tick(ms)` runs the frame callback as if `ms` had passed. */
export function handFrames() {
  let callback: ((now: number) => void) | undefined;
  let time = 0;
  const frames: Frames = {
    request: (cb) => ((callback = cb), 1),
    cancel: () => (callback = undefined),
  };
  return {
    frames,
    tick(ms: number) {
      time += ms;
      const cb = callback;
      callback = undefined;
      cb?.(time);
    },
    get waiting() {
      return callback !== undefined;
    },
  };
}
