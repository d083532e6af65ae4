import { patternRegistry } from '../content/pattern-registry.ts';
import { formatMetric, paramsText, say } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import { words } from '../content/text/index.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import type { MetricName } from '../sim/metrics.ts';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 340;
const LABEL = 18;
/** Each run is a line of words (its pattern, its number, met or missed) over its bar. */
const WORDS = 15;
const BAR = 10;
const GAP = 6;
const ROW = WORDS + BAR + GAP;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The runs of this level side by side: one group of bars per goal's measurement, one bar per run,
 * on a log scale (a day and a second in one chart), with the goal as a dashed mark across each bar. Each bar is named in
 * words above it (its pattern, its number, ✓ or ✗), so the chart is not read by its colours alone; its
 * label says it all in words, and the table after it gives the same numbers.
 */
export function runChart(level: Level, runs: RunResult[]): SVGSVGElement {
  const metrics = [...new Set(level.goals.map((g) => g.metric))] as MetricName[];
  const groupHeight = LABEL + runs.length * ROW + 6;
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${metrics.length * groupHeight}`, width: '100%', class: 'run-chart', role: 'img' });
  const summary: string[] = [];
  metrics.forEach((metric, gi) => {
    const goal = level.goals.find((g) => g.metric === metric)!;
    const target = goal.max ?? goal.min ?? 0;
    const top = gi * groupHeight;
    const values = runs.map((r) => r.metrics[metric]);
    const scale = Math.log10(1 + Math.max(target, ...values, 1));
    const x = (v: number) => 4 + ((WIDTH - 40) * Math.log10(1 + Math.max(0, v))) / scale;
    svg.append(
      el(
        'text',
        { x: 0, y: top + 13, class: 'chart-label' },
        say(words().ui.chartGoal, { metric: words().metrics[metric], sign: goal.max !== undefined ? '≤' : '≥', target: formatMetric(metric, target) }),
      ),
    );
    const gx = x(target);
    runs.forEach((run, i) => {
      const y = top + LABEL + i * ROW;
      const v = run.metrics[metric];
      const met = goal.max !== undefined ? v <= goal.max : v >= target;
      const params = paramsText(run.params);
      const label = `${words().patterns[run.pattern]}${params ? ` (${params})` : ''}: ${formatMetric(metric, v)} ${met ? '✓' : '✗'}`;
      svg.append(el('text', { x: 4, y: y + 11.5, class: `chart-value ${met ? 'met' : 'missed'}` }, label));
      svg.append(
        el('rect', {
          x: 4,
          y: y + WORDS,
          width: Math.max(2, x(v) - 4),
          height: BAR,
          rx: 3,
          fill: patternRegistry[run.pattern].colour,
          opacity: met ? 1 : 0.55,
        }),
      );
      // The goal as a dashed mark across each bar only: a line through the whole group crossed the words above the bars.
      svg.append(el('line', { x1: gx, x2: gx, y1: y + WORDS - 2, y2: y + WORDS + BAR + 2, class: 'chart-goal' }));
      summary.push(
        say(words().ui.chartRun, {
          pattern: words().patterns[run.pattern],
          n: i + 1,
          metric: words().metrics[metric],
          value: formatMetric(metric, v),
          met: met ? words().a11y.met : words().a11y.missed,
        }),
      );
    });
  });
  svg.setAttribute('aria-label', say(words().ui.runsCompared, { runs: summary.join('. ') }));
  return svg;
}
