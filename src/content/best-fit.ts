import type { MetricName, Metrics } from '../sim/metrics.ts';
import type { Verdict } from './goals.ts';
import type { PatternName } from './patterns.ts';
import type { Level } from './schema.ts';

/**
 * When two patterns both meet every goal of a level, which fits better. The level names the measurement that
 * decides (`bestFit`, bytes when it names none); the pattern whose passing runs measured least of it is the
 * better fit, if it measured meaningfully less (MEANINGFUL_SHARE); otherwise they fit equally. Only runs that were
 * measured count: the debrief compares the player's own runs, never an answer key.
 */

/**
 * How much less the better fit must measure than another pattern that met every goal, as a share of the other's
 * measurement: a tenth. Two patterns that both meet every goal differ, where they really differ, by what the world
 * makes them send (a webhook's one delivery per change against dozens of polls), many times over. What is left
 * within a tenth is framing and headers (a WebSocket's frames against an event stream's lines, for the same AI
 * answer) or the seed's timing, and nobody should choose a pattern by that.
 */
export const MEANINGFUL_SHARE = 0.1;

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
  /** Every pattern that met every goal, least measured first. */
  ranked: FitEntry[];
  /** The first of `ranked` and every other that measured less than MEANINGFUL_SHARE more than it: they fit equally. */
  best: FitEntry[];
  /** More than one pattern is in `best`: by this measurement none fits better. */
  tie: boolean;
  /**
   * How far apart the first two of `ranked` are: how much less the first measured, as a share of what the second
   * measured (0 when they measured the same).
   */
  difference: number;
}

/** The measurement that names the better of two passing patterns in this level. */
export function bestFitMetric(level: Pick<Level, 'bestFit'>): MetricName {
  return level.bestFit ?? 'bytes';
}

/** How much less `less` is than `more`, as a share of `more` (0 when both are 0). */
function shareLess(less: number, more: number): number {
  return more === 0 ? 0 : (more - less) / more;
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
  const best = ranked.filter((f) => shareLess(ranked[0].measured, f.measured) < MEANINGFUL_SHARE);
  return { metric, ranked, best, tie: best.length > 1, difference: shareLess(ranked[0].measured, ranked[1].measured) };
}
