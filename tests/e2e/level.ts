import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PatternName } from '../../src/content/patterns.ts';
import { describePattern } from '../../src/content/present.ts';

/** What the level's author expects (read by the tests only) and what the command line measures. */
export const level = JSON.parse(readFileSync('levels/basics/wheres-my-package.json', 'utf8')) as {
  id: string;
  patterns: { offered: PatternName[] };
  expected: Record<PatternName, Array<{ stars: number; passed: boolean; params?: Record<string, number> }>>;
};

/** A pattern's choice button by its accessible name, which starts with the registry's label (its description follows). */
export function patternButton(pattern: PatternName): RegExp {
  return new RegExp(`^${describePattern(pattern).label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

export function simulateJson(pattern: string, seed = 1, levelId = level.id): { metrics: Record<string, number>; verdict: { stars: number } } {
  const out = execFileSync(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '--import', 'tsx', 'src/app/cli/simulate.ts', levelId, '--pattern', pattern, '--seed', String(seed), '--json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}
