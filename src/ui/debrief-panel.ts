import { bestFit, bestFitMetric, MEANINGFUL_SHARE } from '../content/best-fit.ts';
import { missedFar, type GoalResult } from '../content/goals.ts';
import { patternRegistry, type DefenceName, type PatternName, type PatternSource, type PatternSpec } from '../content/pattern-registry.ts';
import { fitMeasured, fitVerdict, formatMetric, formatTarget, levelText, listWords, paramsText, say, shownMetrics, starsText } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import type { Level } from '../content/schema.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import type { MetricName } from '../sim/metrics.ts';
import { audienceScale } from './audience-scale.ts';
import { compareButtons } from './compare-buttons.ts';
import { runChart } from './run-chart.ts';
import { h, starsGlyphs } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import { formatNumber } from '../sim/format.ts';

export interface DebriefHandlers {
  retry(): void;
  next(): void;
  hasNext: boolean;
  /** The words of the button that leaves, where they are neither "Next level" nor "Back to levels" (a playground's world). */
  nextWords?: string;
  loadSource(source: PatternSource): Promise<string>;
  /** Replay this run beside the same world with another pattern (./compare-view.ts). */
  compare?(pattern: PatternName): void;
}

/**
 * What each defence that was on in a run caught ("dedupe caught 2"); a defence that guards without catching
 * anything one can count (a random wait, sending only the latest) is said to have been on. Nothing when none was on.
 */
function caughtText(run: RunResult): string {
  const on = (Object.entries(run.params) as Array<[DefenceName, number]>).filter(([name, value]) => name in words().defences && value === 1);
  return on
    .map(([name]) => {
      const n = run.caught?.[name] ?? 0;
      return (n > 0 ? words().caughtCount : words().defenceWasOn).replace('{defence}', words().defences[name].short).replace('{count}', String(n));
    })
    .join('; ');
}

/** caughtText under a run's name, when it says anything. */
function caught(run: RunResult): HTMLElement | false {
  const text = caughtText(run);
  return text !== '' && h('span', { class: 'caught' }, text);
}

/**
 * Every run of this level, by the level's goals (the chart shows the same, drawn). Where the level offers
 * defences, a column says what each run's defences caught, and one which seed it ran on: runs of one seed
 * met the same world, so their difference is the pattern's and its defences'.
 */
function compareTable(level: Level, runs: RunResult[]): HTMLElement {
  const metrics = [...new Set(level.goals.map((g) => g.metric))];
  const defended = level.patterns.defences !== undefined;
  return h(
    'table',
    { class: 'compare' },
    h('caption', {}, defended ? words().runsOnSeed.replace('{seeds}', listWords([...new Set(runs.map((r) => String(r.seed)))])) : words().ui.yourRuns),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, words().ui.patternCol),
        h('th', { scope: 'col' }, words().ui.starsCol),
        ...metrics.map((m) => {
          const goal = level.goals.find((g) => g.metric === m)!;
          return h(
            'th',
            { scope: 'col' },
            words().metrics[m],
            h('br', {}),
            h(
              'span',
              { class: 'goal-note' },
              (goal.max !== undefined ? words().a11y.goalAtMost : words().a11y.goalAtLeast).replace('{target}', formatMetric(m, goal.max ?? goal.min ?? 0)),
            ),
          );
        }),
      ),
    ),
    h(
      'tbody',
      {},
      ...runs.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${words().patterns[r.pattern]} ${paramsText(r.params)}`, defended && caught(r)),
          h('td', {}, starsText(r.verdict.stars)),
          // Met or missed, by a mark and in words, as the chart shows it.
          ...metrics.map((m) => {
            const met = r.goals.find((g) => g.metric === m)?.met;
            return h(
              'td',
              {},
              formatMetric(m, r.metrics[m]),
              met !== undefined && [
                ' ',
                h('span', { 'aria-hidden': 'true' }, met ? '✓' : '✗'),
                h('span', { class: 'sr-only' }, met ? words().a11y.met : words().a11y.missed),
              ],
            );
          }),
        ),
      ),
    ),
  );
}

/** How far past its target a goal the stars count as missed far was ("23 times what it allows"), or nothing. */
function farText(goal: GoalResult): string {
  if (goal.point || !missedFar(goal)) return '';
  if (goal.kind === 'min') return `: ${words().debrief.farHalf}`;
  if (goal.target === 0) return '';
  const times = goal.measured / goal.target;
  return `: ${words().debrief.farTimes.replace('{times}', times < 10 ? formatNumber(times, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : formatNumber(Math.round(times)))}`;
}

/** What a goal's number means in this run, in words a newcomer reads right. */
function measuredText(goal: GoalResult, result: RunResult): string {
  const { events, lostEvents } = result.metrics;
  if (goal.metric === 'lostEvents') {
    const atStart = result.level.world.initialKnown === false ? words().ui.atStartCounts : '';
    return events === 0
      ? words().ui.nothingChanged
      : say(words().ui.missedChanges[events === 1 ? 0 : 1], { lost: lostEvents, events, atStart, target: formatTarget(goal) });
  }
  if (goal.metric === 'failedSubmissions') return say(words().ui.notThrough, { count: goal.measured, target: formatTarget(goal) }) + farText(goal);
  const never = goal.metric.startsWith('staleness') && lostEvents > 0 ? say(words().ui.neverLearned, { count: lostEvents }) : '';
  return say(words().ui.measuredGoal, { measured: formatMetric(goal.metric, goal.measured), never, target: formatTarget(goal) }) + farText(goal);
}

function guessLine(metric: MetricName, guess: number, result: RunResult): HTMLElement {
  const measured = result.metrics[metric];
  const ratio = measured === 0 ? Infinity : guess / measured;
  const verdict =
    guess === measured
      ? words().debrief.guessExact
      : ratio >= 0.8 && ratio <= 1.25
        ? words().debrief.guessClose
        : guess < measured
          ? words().debrief.guessLow
          : words().debrief.guessHigh;
  return h(
    'p',
    { class: 'guess' },
    h('strong', {}, words().ui.yourGuessIs),
    `${say(words().ui.guessMeasured, { guess: formatMetric(metric, guess), measured: formatMetric(metric, measured) })} ${verdict}`,
  );
}

/** A share as a person reads it: "36%", "under 1%". */
function percent(share: number): string {
  return share > 0 && share < 0.005 ? words().ui.under1 : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * Which of the patterns that met every goal in this visit's runs fits better, by the level's measurement, or that
 * they fit equally: the same, or within MEANINGFUL_SHARE of each other. Always with what each measured.
 */
function fitLine(ctx: LevelContext, passed: boolean): HTMLElement | false {
  const fit = bestFit(ctx.level, ctx.runs);
  const metric = words().metrics[bestFitMetric(ctx.level)];
  const threshold = percent(MEANINGFUL_SHARE);
  // A level that offers one pattern (a level of faults, where the defences are the choice) has no other to fit better.
  if (!fit)
    return (
      passed &&
      ctx.level.patterns.offered.length > 1 &&
      h('p', { class: 'best-fit' }, words().debrief.fitIfAnother.replace('{metric}', metric).replace('{threshold}', threshold))
    );
  const names = fit.ranked.map((f) => words().patterns[f.pattern]);
  const head = fitVerdict(fit);
  const why = (fit.difference === 0 ? words().debrief.fitSameWhy : fit.tie ? words().debrief.fitCloseWhy : words().debrief.fitWhy)
    .replace('{patterns}', names.length === 2 ? say(words().ui.both, { patterns: listWords(names) }) : listWords(names))
    .replace('{metric}', metric)
    .replace('{measured}', fitMeasured(fit))
    .replace('{pattern}', names[0])
    .replace('{difference}', percent(fit.difference))
    .replace('{threshold}', threshold);
  return h('p', { class: 'best-fit' }, h('strong', {}, head), ' ', why);
}

/** What the stars say, in a sentence: every goal met, or whether the level's point was. */
function verdictWords(result: RunResult): string {
  if (result.verdict.passed) return words().debrief.passed;
  if (result.metrics.events > 0 && result.metrics.lostEvents >= result.metrics.events) return words().debrief.learnedNothing;
  const others = result.goals.filter((g) => !g.point);
  if (result.goals.find((g) => g.point)?.met) return others.some(missedFar) ? words().debrief.pointMetFar : words().debrief.pointMet;
  return result.verdict.stars > 0 ? words().debrief.pointMissedAlone : words().debrief.pointMissed;
}

export function debriefPanel(ctx: LevelContext, on: DebriefHandlers): HTMLElement {
  const result = ctx.result!;
  const text = levelText(ctx.level);
  const { stars, passed } = result.verdict;
  const tried = [...new Set(ctx.runs.map((r) => r.pattern))];
  const others = tried.filter((p) => p !== result.pattern);
  // The plain client first, as you would write it in your own app; its XState wiring (timers, retries) apart, below.
  const spec: PatternSpec = patternRegistry[result.pattern];
  const codeOf = (file: PatternSource, into: HTMLElement) => void on.loadSource(file).then((source) => (into.firstElementChild!.textContent = source));
  // A code block scrolls sideways: it takes focus (a named region) so that the keyboard can scroll it too.
  const codeBlock = (name: string) => h('pre', { class: 'code', tabindex: 0, role: 'region', 'aria-label': name }, h('code', {}, words().ui.loading));
  const codeName = say(words().ui.codeThatRan, { pattern: words().patterns[result.pattern] });
  const wiringName = words().ui.wiring;
  const code = codeBlock(codeName);
  const wiringCode = codeBlock(wiringName);
  const wiring = spec.wiring && h('details', { class: 'code-box' }, h('summary', {}, wiringName), wiringCode);
  const details = h('details', { class: 'code-box' }, h('summary', {}, codeName), code, wiring);
  details.addEventListener('toggle', () => details.open && codeOf(spec.source as PatternSource, code));
  if (wiring) wiring.addEventListener('toggle', () => wiring.open && codeOf(spec.wiring as PatternSource, wiringCode));
  return h(
    'section',
    { class: 'panel-body debrief', role: 'region', 'aria-label': words().ui.debrief },
    h('p', { class: 'eyebrow' }, `${words().ui.debrief} · ${text.title}`),
    h('h2', { id: 'panel-heading', tabindex: -1 }, `${words().patterns[result.pattern]} ${paramsText(result.params)}`),
    h(
      'p',
      { class: `verdict ${passed ? 'passed' : 'missed'}` },
      h('span', { class: 'stars', 'aria-hidden': 'true' }, starsGlyphs(stars)),
      h('span', {}, `${starsText(stars)}. ${verdictWords(result)}`),
    ),
    h('details', { class: 'stars-rule' }, h('summary', {}, words().starsRuleSummary), h('p', {}, words().starsRule)),
    h(
      'ul',
      { class: 'goal-results' },
      ...result.goals.map((g) =>
        h(
          'li',
          { class: `${g.met ? 'met' : 'missed'}${g.point ? ' point' : ''}` },
          h('span', { class: 'mark', 'aria-hidden': 'true' }, g.met ? '✓' : '✗'),
          h(
            'span',
            {},
            !g.point && missedFar(g)
              ? [h('strong', { class: 'far-tag' }, words().debrief.farTag), h('span', { class: 'sr-only' }, ':'), ' ']
              : h('strong', {}, g.met ? words().ui.met : words().ui.missed),
            // Read aloud, the tag, the goal and what was measured are said apart (a comma and a stop the eye does not need).
            g.point && [h('span', { class: 'point-tag' }, words().debrief.pointTag), h('span', { class: 'sr-only' }, ': '), ' '],
            text.goals[g.id],
            h('span', { class: 'sr-only' }, '. '),
            h('br', {}),
            h('small', {}, measuredText(g, result)),
          ),
        ),
      ),
    ),
    h('p', { class: 'explanation' }, text.explanations[result.pattern]),
    fitLine(ctx, passed),
    on.compare && compareButtons(ctx, on.compare),
    h('h3', {}, words().ui.whatMeasured),
    h(
      'dl',
      { class: 'metrics' },
      ...shownMetrics(ctx.level, result.metrics).flatMap((m) => [h('dt', {}, words().metrics[m]), h('dd', {}, formatMetric(m, result.metrics[m]))]),
    ),
    audienceScale(ctx.level, result),
    ctx.level.predict && ctx.resultGuess !== undefined && guessLine(ctx.level.predict.metric, ctx.resultGuess, result),
    ctx.runs.length > 1 && h('h3', {}, words().ui.runsSideBySide),
    ctx.runs.length > 1 &&
      h(
        'p',
        { class: 'legend' },
        ...tried.map((p) => withPatternColour(h('span', { class: 'swatch' }, words().patterns[p]), p)),
        h('span', { class: 'scale-note' }, words().ui.logScale),
      ),
    ctx.runs.length > 1 && runChart(ctx.level, ctx.runs),
    ctx.runs.length > 1 &&
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': words().ui.runsTable }, compareTable(ctx.level, ctx.runs)),
    others.length > 0 && h('h3', {}, words().ui.whyOthers),
    others.length > 0 &&
      h('ul', { class: 'why-list' }, ...others.map((p) => h('li', {}, h('strong', {}, `${words().patterns[p]}: `), text.explanations[p] ?? ''))),
    passed
      ? h('blockquote', { class: 'rule' }, h('strong', {}, words().ui.fieldGuideSays), text.rule)
      : h('p', { class: 'hint' }, h('strong', {}, words().ui.hint), text.hints[Math.min(ctx.runs.length - 1, text.hints.length - 1)]),
    details,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: passed ? '' : 'primary', onclick: on.retry }, words().ui.retry),
      h('button', { class: passed ? 'primary' : '', onclick: on.next }, on.nextWords ?? (on.hasNext ? words().ui.nextLevel : words().ui.backToLevels)),
    ),
  );
}
