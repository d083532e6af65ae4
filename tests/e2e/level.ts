import { execFileSync } from 'node:child_process';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import { describePattern } from '../../src/content/present.ts';
import { parseLevel, type Level } from '../../src/content/schema.ts';

/**
 * The first level as the game reads it (durations in ms): what its author expects (read by the tests
 * only) and its ranges, to compare with what the page and the command line measure.
 */
export const level = readLevel('wheres-my-package');

export function readLevel(id: string): Level & { expected: NonNullable<Level['expected']> } {
  const files = readLevelFiles();
  const path = Object.keys(files).find((f) => f.endsWith(`/${id}.json`));
  const parsed = path ? parseLevel(JSON.parse(files[path])) : undefined;
  if (!parsed?.ok || !parsed.level.expected) throw new Error(`levels/*/${id}.json does not load with its expected verdicts`);
  return parsed.level as Level & { expected: NonNullable<Level['expected']> };
}

/** A pattern's choice button by its accessible name, which starts with the registry's label (its description follows). */
export function patternButton(pattern: PatternName): RegExp {
  return new RegExp(`^${describePattern(pattern).label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

export function simulateJson(
  pattern: string,
  seed = 1,
  levelId = level.id,
  params: Record<string, number> = {},
): { params: Record<string, number>; metrics: Record<string, number>; verdict: { stars: number } } {
  const paramArgs = Object.entries(params).flatMap(([name, value]) => ['--param', `${name}=${value}`]);
  const out = execFileSync(
    process.execPath,
    [
      '--experimental-websocket',
      '--no-warnings',
      '--import',
      'tsx',
      'src/app/cli/simulate.ts',
      levelId,
      '--pattern',
      pattern,
      '--seed',
      String(seed),
      ...paramArgs,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}
