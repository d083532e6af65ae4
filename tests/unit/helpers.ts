import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { allLevels, findLevel } from '../../src/content/catalog.ts';
import { applyOverrides } from '../../src/content/overrides.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { Level } from '../../src/content/schema.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { resolveParams } from '../../src/content/params.ts';
import { simulate, type RunResult } from '../../src/run/session.ts';

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
