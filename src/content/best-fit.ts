import type { MetricName, Metrics } from '../sim/metrics.ts';
import type { Verdict } from './goals.ts';
import type { PatternName } from './patterns.ts';
import type { Level } from './schema.ts';

/**
 * When two patterns both meet every goal of a level, which fits better. The level names the measurement that
 * decides (`bestFit`, bytes when it names none); the pattern whose passing runs measured least of it is the
 * better fit. Only runs that were measured count: the debrief compares the player's own runs, never an answer key.
 */

/** What the rule reads of a run. */
export interface FitRun {
  pattern: PatternName;
  verdict: Verdict;
  metrics: Metrics;
}

export interface FitEntry {
  pattern: PatternName;
  /** The least this pattern measured of the metric in its runs that met every goal. */
  measured: number;
}

export interface BestFit {
  metric: MetricName;
  /** Every pattern that met every goal, least measured first; the first is the better fit. */
  ranked: FitEntry[];
  /** The first two measured exactly the same: by this measurement neither fits better. */
  tie: boolean;
}

/** The measurement that names the better of two passing patterns in this level. */
export function bestFitMetric(level: Pick<Level, 'bestFit'>): MetricName {
  return level.bestFit ?? 'bytes';
}

/** The better fit among `runs`, or nothing when fewer than two patterns met every goal in them. */
export function bestFit(level: Pick<Level, 'bestFit'>, runs: readonly FitRun[]): BestFit | undefined {
  const metric = bestFitMetric(level);
  const least = new Map<PatternName, number>();
  for (const run of runs) {
    if (!run.verdict.passed) continue;
    const measured = run.metrics[metric];
    least.set(run.pattern, Math.min(measured, least.get(run.pattern) ?? Infinity));
  }
  if (least.size < 2) return undefined;
  const ranked = [...least].map(([pattern, measured]) => ({ pattern, measured })).sort((a, b) => a.measured - b.measured);
  return { metric, ranked, tie: ranked[0].measured === ranked[1].measured };
}
