import { describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { evaluateGoals, missedFar, verdictOf, type GoalResult } from '../../src/content/goals.ts';
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

describe('a goal missed far: more than twice what it allows, or less than half of what it asks', () => {
  const max = (measured: number, target: number): GoalResult => ({
    id: 'budget',
    metric: 'requests',
    met: measured <= target,
    measured,
    target,
    kind: 'max',
    point: false,
  });
  const min = (measured: number, target: number): GoalResult => ({
    id: 'enough',
    metric: 'events',
    met: measured >= target,
    measured,
    target,
    kind: 'min',
    point: false,
  });
  const fresh: GoalResult = { id: 'fresh', metric: 'stalenessMaxMs', met: true, measured: 5000, target: 10000, kind: 'max', point: true };

  it('starts just past twice the target of a goal of at most, and just under half of a goal of at least', () => {
    expect([max(30, 30), max(31, 30), max(60, 30), max(61, 30), max(696, 30)].map(missedFar)).toEqual([false, false, false, true, true]);
    expect([min(10, 10), min(9, 10), min(5, 10), min(4, 10), min(0, 10)].map(missedFar)).toEqual([false, false, false, true, true]);
  });

  it('is any amount at all for a goal of none', () => {
    expect(missedFar(max(0, 0))).toBe(false);
    expect(missedFar(max(1, 0))).toBe(true);
  });

  it('leaves one star at most, even when the point and every other goal were met', () => {
    const complete: GoalResult = { id: 'complete', metric: 'lostEvents', met: true, measured: 0, target: 0, kind: 'max', point: false };
    // Paid yet? polling every 5 s (seed 1): the payment seen in 5 s, no 429, nothing missed, but 696 calls against 30.
    expect(verdictOf([fresh, max(0, 0), max(696, 30), complete])).toEqual({ stars: 1, passed: false });
    // A near miss keeps its two stars: the nightly script polling every minute, 6 calls against 5.
    expect(verdictOf([fresh, max(6, 5), complete])).toEqual({ stars: 2, passed: false });
    expect(verdictOf([fresh, max(60, 30), complete])).toEqual({ stars: 2, passed: false });
    expect(verdictOf([fresh, max(61, 30), complete])).toEqual({ stars: 1, passed: false });
    expect(verdictOf([fresh, min(4, 10), complete])).toEqual({ stars: 1, passed: false });
  });

  it('changes nothing when the point itself was missed', () => {
    const late = { ...fresh, met: false, measured: 90000 };
    expect(verdictOf([late, max(1, 30)])).toEqual({ stars: 1, passed: false });
    expect(verdictOf([late, max(696, 30)])).toEqual({ stars: 0, passed: false });
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

describe('a run that learned of no change', () => {
  it('earns no star, even where the level has no goal that says so', () => {
    const fresh = { id: 'fresh', metric: 'latestStalenessMaxMs' as const, met: false, measured: 58_000, target: 2000, kind: 'max' as const, point: true };
    const load = { id: 'load', metric: 'requests' as const, met: true, measured: 4, target: 8, kind: 'max' as const, point: false };
    expect(verdictOf([fresh, load])).toEqual({ stars: 1, passed: false });
    expect(verdictOf([fresh, load], { events: 29, lostEvents: 29 })).toEqual({ stars: 0, passed: false });
    expect(verdictOf([fresh, load], { events: 29, lostEvents: 28 })).toEqual({ stars: 1, passed: false });
  });
});
