import { formatBytes, formatDuration, formatNumber } from '../sim/format.ts';
import { isDurationMetric, type MetricName } from '../sim/metrics.ts';
import type { GoalResult } from './goals.ts';
import {
  paramSpec,
  patternRegistry,
  type DefenceName,
  type ParamSpec,
  type PatternName,
  type PatternParam,
  type PatternSource,
  type PatternSpec,
} from './pattern-registry.ts';
import type { BestFit } from './best-fit.ts';
import type { Chapter, LevelEntry } from './catalog.ts';
import type { Level, LevelText } from './schema.ts';
import { language, words } from './text/index.ts';

/** How numbers and goals read to a person, shared by the debrief and the command line. */

export function formatMetric(name: MetricName, value: number): string {
  if (isDurationMetric(name)) return formatDuration(value);
  if (/bytes/i.test(name)) return formatBytes(value);
  return formatNumber(value);
}

/** A pattern as the player meets it: its registry entry with its words. */
export interface Pattern {
  name: PatternName;
  label: string;
  description: string;
  colour: string;
  source: PatternSource;
  params: Array<{ name: PatternParam; label: string; unit: ParamSpec['unit'] }>;
}

export function describePattern(name: PatternName): Pattern {
  const en = words();
  const spec: PatternSpec = patternRegistry[name];
  return {
    name,
    label: en.patterns[name],
    description: en.patternBlurbs[name],
    colour: spec.colour,
    source: patternRegistry[name].source,
    params: Object.entries(spec.params).map(([param, { unit }]) => ({
      name: param as PatternParam,
      label: en.patternParams[param as PatternParam].label,
      unit,
    })),
  };
}

/** One tuned parameter as a person reads it: "every 3 s" for a polling interval. */
export function paramText(name: PatternParam, value: number): string {
  const { unit } = paramSpec(name);
  return words().patternParams[name].value.replace('{value}', unit === 'ms' ? formatDuration(value) : String(value));
}

/** A run's parameters as a person reads them ("every 3 s, with dedupe, without verify"), or nothing when it had none. */
export function paramsText(params: Record<string, number>): string {
  const en = words();
  const tuned = Object.entries(params)
    .filter((entry): entry is [PatternParam, number] => entry[0] in en.patternParams)
    .map(([name, value]) => paramText(name, value));
  const defences = Object.entries(params)
    .filter((entry): entry is [DefenceName, number] => entry[0] in en.defences)
    .map(([name, value]) => (value ? en.defenceOn : en.defenceOff).replace('{defence}', en.defences[name].short));
  return [...tuned, ...defences].join(', ');
}

export function formatTarget(goal: GoalResult): string {
  return (goal.kind === 'max' ? words().atMost : words().atLeast).replace('{target}', formatMetric(goal.metric, goal.target));
}

/** A level's words in the current language (or `lang`), else in English. */
export function levelText(level: Level, lang: string = language()): LevelText {
  return level.text[lang] ?? level.text.en;
}

/** A level's title as the list shows it, from its entry or its whole file. */
export function levelTitle(level: LevelEntry, lang: string = language()): string {
  return (level.text[lang] ?? level.text.en)?.title ?? level.id;
}

/** A chapter's title in the current language (or `lang`), else in English. */
export function chapterTitle(chapter: Pick<Chapter, 'id' | 'title'>, lang: string = language()): string {
  return chapter.title[lang] ?? chapter.title.en ?? chapter.id;
}

export function starsText(stars: number): string {
  return words().stars.replace('{stars}', String(stars));
}

/** The metrics shown for a run: the goals' first, then the rest that say something here. */
export function shownMetrics(level: Level, metrics: Record<MetricName, number>): MetricName[] {
  // The goals' measurements, then the one the level tells two passing patterns apart by (its better fit), then the usual ones.
  const goals = [...level.goals.map((g) => g.metric), level.bestFit ?? 'bytes'];
  const rest: MetricName[] = [
    'requests',
    'emptyResponses',
    'deliveries',
    'frames',
    'connectionMs',
    'peakConnections',
    'bytes',
    'retransmits',
    'reconnects',
    'refused',
    'peakServerRps',
    'peakPushesPerSecond',
  ];
  return [...new Set([...goals, ...rest.filter((m) => goals.includes(m) || metrics[m] > 0 || m === 'requests' || m === 'bytes')])];
}

/** Words as a person lists them: "A", "A and B", "A, B and C" (or with "or"). */
export function listWords(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${words()[last]} ${items.at(-1)}`;
}

/** Words with their `{placeholders}` filled in ("Play “{title}”" → "Play “Welcome aboard”"); an unknown one is left as it is. */
export function say(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The better fit in a sentence ("Better fit: Webhook." or "Equal fit: WebSocket and SSE."), for the debrief and the playground. */
export function fitVerdict(fit: BestFit): string {
  const name = (f: BestFit['best'][number]) => words().patterns[f.pattern];
  return fit.tie
    ? words().debrief.equalFit.replace('{patterns}', listWords(fit.best.map(name)))
    : words().debrief.betterFit.replace('{pattern}', name(fit.ranked[0]));
}

/** What each pattern measured of the fit's metric, best first: "Webhook 4.6 KB, WebSocket 12.2 KB". */
export function fitMeasured(fit: BestFit): string {
  return fit.ranked.map((f) => `${words().patterns[f.pattern]} ${formatMetric(fit.metric, f.measured)}`).join(', ');
}
