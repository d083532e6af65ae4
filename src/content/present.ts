import { formatBytes, formatDuration } from '../sim/format.ts';
import type { MetricName } from '../sim/metrics.ts';
import type { GoalResult } from './goals.ts';
import type { Level, LevelText } from './schema.ts';

/** How numbers and goals read to a person, shared by the debrief and the command line. */

export function formatMetric(name: MetricName, value: number): string {
  if (name.endsWith('Ms')) return formatDuration(value);
  if (name === 'bytes') return formatBytes(value);
  return value.toLocaleString('en');
}

/** A pattern's parameters as a person reads them: "every 3 s" for a polling interval, else nothing. */
export function paramsText(params: Record<string, number>): string {
  return params.intervalMs ? `every ${formatDuration(params.intervalMs)}` : '';
}

export function formatTarget(goal: GoalResult): string {
  return `${goal.kind === 'max' ? 'at most' : 'at least'} ${formatMetric(goal.metric, goal.target)}`;
}

export function levelText(level: Level, lang = 'en'): LevelText {
  return level.text[lang] ?? level.text.en;
}

export function starsText(stars: number): string {
  return `${stars} of 3 stars`;
}

/** The metrics shown for a run: the goals' first, then the rest that say something here. */
export function shownMetrics(level: Level, metrics: Record<MetricName, number>): MetricName[] {
  const goals = level.goals.map((g) => g.metric);
  const rest: MetricName[] = ['requests', 'emptyResponses', 'deliveries', 'frames', 'connectionMs', 'bytes', 'refused', 'peakServerRps'];
  return [...new Set([...goals, ...rest.filter((m) => goals.includes(m) || metrics[m] > 0 || m === 'requests' || m === 'bytes')])];
}
