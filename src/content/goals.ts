import { computeMetrics, type Metrics } from '../sim/metrics.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { clientsOf, pointOf, type Level } from './schema.ts';

/** What a level's trace measures up to `endMs`: your app runs on the level's clients, the servers are its server actors. */
export function measure(level: Level, events: readonly TraceEvent[], endMs: number): Metrics {
  const servers = level.actors.filter((a) => a.kind === 'server').map((a) => a.id);
  return computeMetrics(events, { clients: clientsOf(level), servers, endMs });
}

/** A goal held against what the run measured. */
export interface GoalResult {
  id: string;
  metric: keyof Metrics;
  met: boolean;
  measured: number;
  target: number;
  /** "max": the measured value must not exceed the target; "min": it must reach it. */
  kind: 'max' | 'min';
  /** The goal that is the level's point: missed, the run earns at most one star. */
  point: boolean;
}

export interface Verdict {
  stars: number;
  passed: boolean;
}

/** Each of the level's goals held against what the run measured, the level's point marked. */
export function evaluateGoals(level: Pick<Level, 'goals' | 'point'>, metrics: Metrics): GoalResult[] {
  const point = pointOf(level);
  return level.goals.map((goal) => {
    const measured = metrics[goal.metric];
    const base = { id: goal.id, metric: goal.metric, measured, point: goal.id === point };
    if (goal.max !== undefined) return { ...base, met: measured <= goal.max, target: goal.max, kind: 'max' };
    const target = goal.min ?? 0;
    return { ...base, met: measured >= target, target, kind: 'min' };
  });
}

/**
 * How far a missed goal may be from its target before it counts as missed far: a factor of two. A run that
 * measures more than twice what a goal allows (or less than half of what it asks) did not nearly meet it, it
 * ignored it: 696 API calls against a fee plan of 30 is no near miss, while 6 calls against 5 is one. A goal of
 * none ("no error", "no endpoint open") is missed far by any amount, since twice none is none.
 */
const FAR_FACTOR = 2;

/** Whether a goal was missed by more than FAR_FACTOR times its target (see above). */
export function missedFar(goal: Pick<GoalResult, 'met' | 'kind' | 'measured' | 'target'>): boolean {
  if (goal.met) return false;
  return goal.kind === 'max' ? goal.measured > FAR_FACTOR * goal.target : goal.measured * FAR_FACTOR < goal.target;
}

/**
 * The stars. Every goal met: three, and the level is passed. Otherwise the level's point decides. Missed: one
 * star only when every other goal was met, else none. Met: two stars when at least half of the other goals were
 * met too and none of them was missed far (`missedFar`), else one. So a run that missed what the level is about
 * never earns more than one star, nor does one that met it at a cost many times what the level allows. Without a
 * marked point, the first goal is the point. Given what the run learned, a run that learned of no change earns none.
 */
export function verdictOf(results: readonly GoalResult[], learned?: Pick<Metrics, 'events' | 'lostEvents'>): Verdict {
  // A run whose app learned of none of the changes there were did not do what every level is about: no star,
  // whatever else it met (a level's goals may not all say so, such as a ticker's that asks only for freshness).
  if (learned && learned.events > 0 && learned.lostEvents >= learned.events && !results.every((r) => r.met)) return { stars: 0, passed: false };
  if (results.every((r) => r.met)) return { stars: 3, passed: true };
  const point = results.find((r) => r.point) ?? results[0];
  const others = results.filter((r) => r !== point);
  const othersMet = others.filter((r) => r.met).length;
  if (!point.met) return { stars: others.length > 0 && othersMet === others.length ? 1 : 0, passed: false };
  if (others.some(missedFar)) return { stars: 1, passed: false };
  return { stars: 2 * othersMet >= others.length ? 2 : 1, passed: false };
}
