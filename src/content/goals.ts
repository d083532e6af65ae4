import { computeMetrics, type Metrics } from '../sim/metrics.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { clientsOf, type GoalSpec, type Level } from './schema.ts';

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
}

export interface Verdict {
  stars: number;
  passed: boolean;
}

export function evaluateGoals(goals: readonly GoalSpec[], metrics: Metrics): GoalResult[] {
  return goals.map((goal) => {
    const measured = metrics[goal.metric];
    if (goal.max !== undefined) return { id: goal.id, metric: goal.metric, met: measured <= goal.max, measured, target: goal.max, kind: 'max' };
    const target = goal.min ?? 0;
    return { id: goal.id, metric: goal.metric, met: measured >= target, measured, target, kind: 'min' };
  });
}

/** Every goal met: three stars and the level is passed. Otherwise a share of two stars. */
export function verdictOf(results: readonly GoalResult[]): Verdict {
  const met = results.filter((r) => r.met).length;
  if (met === results.length) return { stars: 3, passed: true };
  return { stars: Math.min(2, Math.floor((3 * met) / results.length)), passed: false };
}
