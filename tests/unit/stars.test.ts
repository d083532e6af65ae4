import { describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { evaluateGoals, verdictOf, type GoalResult } from '../../src/content/goals.ts';
import { parseLevel } from '../../src/content/schema.ts';
import type { Metrics } from '../../src/sim/metrics.ts';
import { levels } from './helpers.ts';

/** A goal result that only says met or missed, and whether it is the level's point. */
function goal(id: string, met: boolean, point = false): GoalResult {
  return { id, metric: 'requests', met, measured: met ? 0 : 2, target: 1, kind: 'max', point };
}

/** Goals written as a string: P for the point, + met, - missed ("+P,+,-" is the point met, one other met, one missed). */
function results(spec: string): GoalResult[] {
  return spec.split(',').map((g, i) => goal(`g${i}`, g.startsWith('+'), g.endsWith('P')));
}

describe('the star rule: the level marks its point, and missing it leaves at most one star', () => {
  const table: Array<[string, number, boolean]> = [
    ['+P,+,+', 3, true],
    ['+P,+,-', 2, false],
    ['+P,-,+,+,-', 2, false],
    ['+P,-,-', 1, false],
    ['+P,-,-,+', 1, false],
    ['-P,+,+', 1, false],
    ['-P,+,-', 0, false],
    ['-P,-,-', 0, false],
    ['+,-P,+,+', 1, false],
    ['-P', 0, false],
    ['+P', 3, true],
  ];
  for (const [spec, stars, passed] of table) {
    it(`${spec}: ${stars} star${stars === 1 ? '' : 's'}`, () => {
      expect(verdictOf(results(spec))).toEqual({ stars, passed });
    });
  }

  it('never gives more than one star when the point is missed, whatever else is met', () => {
    for (let others = 0; others <= 6; others++) {
      for (let met = 0; met <= others; met++) {
        const list = [goal('point', false, true), ...Array.from({ length: others }, (_, i) => goal(`o${i}`, i < met))];
        expect(verdictOf(list).stars, `${met} of ${others} others met`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('without a marked point, the first goal is the point', () => {
    expect(verdictOf([goal('a', false), goal('b', true), goal('c', true)])).toEqual({ stars: 1, passed: false });
    expect(verdictOf([goal('a', true), goal('b', false), goal('c', true)])).toEqual({ stars: 2, passed: false });
  });
});

describe('the point goal in a level', () => {
  const metrics = { requests: 5, lostEvents: 0, stalenessMaxMs: 1000 } as Metrics;
  const goals = [
    { id: 'fresh', metric: 'stalenessMaxMs' as const, max: 500 },
    { id: 'budget', metric: 'requests' as const, max: 10 },
    { id: 'complete', metric: 'lostEvents' as const, max: 0 },
  ];

  it('evaluateGoals marks the goal the level names, or else its first', () => {
    expect(evaluateGoals({ goals, point: 'budget' }, metrics).map((g) => g.point)).toEqual([false, true, false]);
    expect(evaluateGoals({ goals }, metrics).map((g) => g.point)).toEqual([true, false, false]);
  });

  it('the same run earns different stars as the point moves', () => {
    expect(verdictOf(evaluateGoals({ goals, point: 'fresh' }, metrics)).stars).toBe(1);
    expect(verdictOf(evaluateGoals({ goals, point: 'budget' }, metrics)).stars).toBe(2);
  });

  it('a point that names no goal is refused, by its path', () => {
    const raw = JSON.parse(readLevelFiles()['orders-and-payments/wheres-my-package.json']);
    const parsed = parseLevel({ ...raw, point: 'happiness' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([expect.objectContaining({ path: 'point', got: '"happiness"' })]);
  });

  it('every level of the game marks its point itself', () => {
    for (const level of levels) expect(level.point, level.id).toBeDefined();
  });
});
