import { parseLevel, type Level } from './schema.ts';
import type { Problem } from './schema-kit.ts';

/**
 * Change a level's world by paths ("world.updateEveryMs=1000", "network.loss=0.1"), then validate the
 * result like a level file. The command line's --set and the tests that flip verdicts use this.
 */

export function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (/^[[{"]/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function setPath(target: unknown, path: string, value: unknown): void {
  const keys = path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter(Boolean));
  let node = target as Record<string, unknown>;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]] = value;
}

export type OverrideResult = { ok: true; level: Level } | { ok: false; problems: Problem[] };

export function applyOverrides(level: Level, overrides: Record<string, unknown>): OverrideResult {
  if (Object.keys(overrides).length === 0) return { ok: true, level };
  const copy = structuredClone(level);
  for (const [path, value] of Object.entries(overrides)) setPath(copy, path, value);
  return parseLevel(copy);
}
