import { defaultPrices, monthlyCost, type UnitPrices } from '../content/cost.ts';
import { durationSpec } from '../content/duration.ts';
import { defaultParams } from '../content/params.ts';
import {
  decodeWorld,
  defaultWorld,
  encodeWorld,
  runsOf,
  parseWorld,
  pollingInterval,
  SCRIPT_EVERY_MS,
  whyNot,
  worldLimits,
  worldToLevel,
  worldToLevelFile,
  workOf,
  type World,
} from '../content/playground.ts';
import { formatMetric, listWords, say } from '../content/present.ts';
import { clientsOf, type Level } from '../content/schema.ts';
import { formatProblem, type Problem } from '../content/schema-kit.ts';
import { everyLanguage, words as gameWords } from '../content/text/index.ts';
import { patternNames, type PatternName } from '../content/patterns.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { computeInBrowser } from '../flow/runner.ts';
import type { MetricName } from '../sim/metrics.ts';
import { copyField, fill, h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import { runChart } from './run-chart.ts';
import { formatDuration, formatNumber } from '../sim/format.ts';
import { fitLine, whyNotes } from './playground-findings.ts';
import { peaksOf, round, scaleOf } from './audience-scale.ts';

export interface PlaygroundOptions {
  /** The world from the address (encoded), if any. */
  world?: string;
  /** The world changed: the address follows. */
  changed(encoded: string): void;
  /** Play the world (as a level, and encoded) on the stage. */
  play(level: Level, world: string): void;
  /** Play the world from the address on the stage at once (an address with `play=1`, Forward to it). */
  playNow?: boolean;
  seed: number;
}

// Read when the playground's chunk loads, after the game's language is set.
const words = gameWords().playground;

/**
 * The last results worked out, by world and seed: coming back to the playground (Back from its world played on the
 * stage) shows them again instead of working them out anew. The same world and seed give the same runs.
 */
let kept: { key: string; results: Results } | undefined;

/** Every pattern's run of one world (as its level, and encoded as in the address). */
interface Results {
  level: Level;
  runs: RunResult[];
  world: string;
  /** The world as its runs saw it (`runsOf`): results of another are stale. */
  ranOn: string;
}
/** Above this many changes × simulated clients, a world takes more than a few seconds in the browser. */
const MAX_WORK = 4000;
const units: Array<[string, number]> = [
  ['ms', 1],
  ['s', 1000],
  ['min', 60_000],
  ['h', 3_600_000],
  ['days', 86_400_000],
];

/** A field's value as the learner typed it, in the field's own unit ("150", "15 s"), to say back when it is refused. */
const typed = new Map<string, () => string>();

/** A duration as a number and a unit the learner picks; empty when `optional` and left blank. */
function durationInput(id: string, label: string, ms: number | undefined, optional = false) {
  const [unit, factor] = [...units].reverse().find(([, f]) => ms !== undefined && ms >= f && ms % f === 0) ?? ['s', 1000];
  const amount = h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', value: ms === undefined ? '' : String(ms / factor) });
  const select = h(
    'select',
    { 'aria-label': say(gameWords().ui.unitOf, { label }) },
    ...units.map(([u]) => h('option', { value: u, selected: u === unit }, u === 'days' ? words.days : u)),
  );
  typed.set(id, () => `${amount.value.trim()} ${select.selectedOptions[0]?.textContent ?? ''}`.trim());
  return {
    el: h('div', { class: 'pg-field' }, h('label', { for: id }, label), h('span', { class: 'pg-duration' }, amount, select)),
    read: (): number | string | undefined => {
      if (amount.value.trim() === '') return optional ? undefined : '';
      return Number(amount.value) * units.find(([u]) => u === select.value)![1];
    },
  };
}

function numberInput(id: string, label: string, value: number | undefined, attrs: Record<string, number>) {
  const input = h('input', { id, type: 'number', inputmode: 'numeric', value: value === undefined ? '' : String(value), ...attrs });
  typed.set(id, () => input.value.trim());
  return {
    el: h('div', { class: 'pg-field' }, h('label', { for: id }, label), input),
    read: () => (input.value.trim() === '' ? undefined : Number(input.value)),
  };
}

function radios<K extends string>(name: string, legend: string, options: Record<K, string>, chosen: K) {
  const inputs = (Object.keys(options) as K[]).map((key) => ({
    key,
    input: h('input', { type: 'radio', name, id: `${name}-${key}`, value: key, checked: key === chosen }),
  }));
  return {
    el: h(
      'fieldset',
      { class: 'pg-group' },
      h('legend', {}, legend),
      ...inputs.map(({ key, input }) => h('div', { class: 'pg-choice' }, input, h('label', { for: `${name}-${key}` }, options[key]))),
    ),
    read: () => inputs.find((i) => i.input.checked)?.key ?? chosen,
  };
}

function checkbox(id: string, label: string, checked: boolean) {
  const input = h('input', { id, type: 'checkbox', checked });
  return { el: h('div', { class: 'pg-choice' }, input, h('label', { for: id }, label)), read: () => input.checked };
}

type LimitPath = keyof typeof worldLimits;
/** The field each part of a world is set in, by its path in the world, and what kind of value it holds. */
const fieldOf: Record<LimitPath, { id: string; kind: 'whole' | 'percent' | 'duration' }> = {
  clients: { id: 'pg-clients', kind: 'whole' },
  runsEveryMs: { id: 'pg-runs-every', kind: 'duration' },
  'changes.everyMs': { id: 'pg-every', kind: 'duration' },
  'network.latencyMs': { id: 'pg-latency', kind: 'duration' },
  'network.loss': { id: 'pg-loss', kind: 'percent' },
  'network.idleTimeoutMs': { id: 'pg-idle', kind: 'duration' },
  'goals.freshMs': { id: 'pg-fresh', kind: 'duration' },
  'goals.maxRequests': { id: 'pg-requests', kind: 'whole' },
  'goals.maxConnectionMs': { id: 'pg-held', kind: 'duration' },
};

/**
 * A refused value in plain words and the field's own unit: "Loss is a percentage from 0 to 50; you gave 150", its
 * bounds those the world's schema checks (`worldLimits`). A world with no goal is said at the last goal.
 */
export function fieldMessage(path: string, got: string): { id: string; text: string } | undefined {
  if (path === 'goals') return { id: 'pg-lost', text: words.problems.noGoal };
  if (!(path in fieldOf)) return undefined;
  const field = fieldOf[path as LimitPath];
  const limits: { min: number; max?: number } = worldLimits[path as LimitPath];
  const name = words.problems.names[path as LimitPath];
  if (got === '') return { id: field.id, text: say(words.problems.empty, { name }) };
  const shown = (n: number) => (field.kind === 'duration' ? formatDuration(n) : field.kind === 'percent' ? formatNumber(n * 100) : formatNumber(n));
  const template =
    field.kind === 'percent'
      ? words.problems.percent
      : field.kind === 'whole'
        ? limits.max === undefined
          ? words.problems.wholeMin
          : words.problems.whole
        : limits.max === undefined
          ? words.problems.durationMin
          : words.problems.duration;
  return { id: field.id, text: say(template, { name, min: shown(limits.min), max: limits.max === undefined ? '' : shown(limits.max), got }) };
}

/**
 * A problem of the world in the address, in the words of its field where it has one ("Loss is a percentage from
 * 0 to 50; you gave 150"): the value as the form would show it. Else the path and what was expected there.
 */
function addressProblem(problem: Problem): string {
  if (problem.path === 'goals') return `world=: ${words.problems.noGoal}`;
  const number = /^number (-?[\d.e+-]+)$/.exec(problem.got);
  const field = fieldOf[problem.path as LimitPath];
  if (number && field) {
    const n = Number(number[1]);
    const got = field.kind === 'duration' ? formatDuration(n) : field.kind === 'percent' ? formatNumber(n * 100) : formatNumber(n);
    return `world=: ${fieldMessage(problem.path, got)!.text}`;
  }
  return formatProblem('world=', problem);
}

/** Say a refused value next to its field, and mark the field invalid; false when the problem has no field. */
function placeProblem(form: HTMLElement, problem: Problem): boolean {
  const id = problem.path === 'goals' ? 'pg-lost' : fieldOf[problem.path as LimitPath]?.id;
  const message = id === undefined ? undefined : fieldMessage(problem.path, typed.get(id)?.() ?? '');
  const input = message ? form.querySelector<HTMLInputElement>(`#${message.id}`) : null;
  if (!input || !message) return false;
  const noteId = `${input.id}-problem`;
  if (form.querySelector(`#${noteId}`)) return true;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', noteId);
  (input.closest('.pg-field') ?? input.closest('.pg-choice'))?.append(h('p', { id: noteId, class: 'pg-field-problem', role: 'alert' }, message.text));
  return true;
}

/** Why a world cannot run, each problem by its path in the world and what was expected there. */
function worldProblems(list: readonly Problem[]): HTMLElement[] {
  return [h('p', {}, words.invalid), h('ul', {}, ...list.map((p) => h('li', {}, formatProblem('world', p))))];
}

/** "1 client", "10,000 clients", in the game's language. */
const clientCount = (n: number) => say(n === 1 ? words.clientOne : words.clientMany, { n: formatNumber(n) });

/**
 * The source's busiest moments with the world's whole audience, pattern by pattern: what the simulated clients
 * measured times the audience over them (as the levels' debrief scales them), labelled as extrapolated.
 */
function atScale(level: Level, runs: RunResult[]): HTMLElement | false {
  const scale = scaleOf(level);
  if (!scale || runs.length === 0) return false;
  const heads = peaksOf(runs[0]).map(([label]) => label);
  return h(
    'section',
    { class: 'pg-scale', 'aria-labelledby': 'pg-scale-title' },
    h('h3', { id: 'pg-scale-title' }, say(words.scaleHeading, { audience: clientCount(scale.audience) })),
    h(
      'p',
      { class: 'hint' },
      say(words.scaleNote, {
        simulated: formatNumber(scale.clients),
        factor: formatNumber(scale.factor, { maximumFractionDigits: scale.factor < 10 ? 1 : 0 }),
        audience: clientCount(scale.audience),
      }),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'pg-scale-title' },
      h(
        'table',
        { class: 'compare' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, gameWords().ui.patternCol), ...heads.map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          {},
          ...runs.map((r) =>
            h(
              'tr',
              {},
              withPatternColour(h('th', { scope: 'row', class: 'pg-pattern' }, gameWords().patterns[r.pattern]), r.pattern),
              ...peaksOf(r).map(([, value]) => h('td', {}, round(value * scale.factor))),
            ),
          ),
        ),
      ),
    ),
  );
}

const dollars = (n: number) => (n >= 100 ? formatNumber(Math.round(n)) : formatNumber(n, { maximumFractionDigits: 2, minimumFractionDigits: 2 }));

export function playgroundScreen(opts: PlaygroundOptions): HTMLElement {
  const fromAddress = opts.world === undefined ? undefined : decodeWorld(opts.world);
  let world: World = fromAddress?.ok ? fromAddress.world : defaultWorld;
  // Prices the learner changed travel with the world (in its link, and back to it); the caption says they are theirs.
  const pricesOf = (w: World): UnitPrices => (w.prices ? { ...w.prices, source: `${defaultPrices().source}${gameWords().ui.changedByYou}` } : defaultPrices());
  let prices: UnitPrices = pricesOf(world);
  let results: Results | undefined;

  const problems = h('div', { class: 'pg-problems', role: 'alert' });
  const status = h('p', { class: 'pg-status', role: 'status' });
  const resultsBox = h('section', { class: 'pg-results', 'aria-labelledby': 'pg-results-title', hidden: true });
  const form = h('form', { class: 'pg-form', novalidate: true });

  const build = () => {
    const side = radios(
      'pg-side',
      words.side.legend,
      { 'third-party': words.side['third-party'], 'own-service': words.side['own-service'], browsers: words.side.browsers, script: words.side.script },
      world.side,
    );
    const runsEvery = durationInput('pg-runs-every', words.side.runsEvery, world.runsEveryMs ?? SCRIPT_EVERY_MS);
    side.el.append(runsEvery.el);
    // Asked only of a script.
    const showRunsEvery = () => (runsEvery.el.hidden = side.read() !== 'script');
    showRunsEvery();
    const every = durationInput('pg-every', words.changes.every, world.changes.everyMs);
    const rhythm = h(
      'select',
      { id: 'pg-rhythm' },
      ...(['steady', 'random', 'bursts'] as const).map((r) => h('option', { value: r, selected: r === world.changes.rhythm }, words.changes[r])),
    );
    const clients = numberInput('pg-clients', words.clients.label, world.clients, { min: 1, max: 1_000_000, step: 1 });
    const flow = radios('pg-flow', words.flow.legend, { down: words.flow.down, up: words.flow.up, both: words.flow.both }, world.flow);
    const conditional = checkbox('pg-conditional', words.offers.conditionalRequests, world.offers.conditionalRequests);
    const hooks = checkbox('pg-webhooks', words.offers.webhooks, world.offers.webhooks);
    const socket = checkbox('pg-websocket', words.offers.websocket, world.offers.websocket);
    const streams = checkbox('pg-streams', words.offers.streams, world.offers.streams !== false);
    const longPolling = checkbox('pg-long-polling', words.offers.longPolling, world.offers.longPolling !== false);
    const latency = durationInput('pg-latency', words.network.latency, world.network.latencyMs);
    const loss = numberInput('pg-loss', words.network.loss, world.network.loss * 100, { min: 0, max: 50, step: 0.1 });
    const idle = durationInput('pg-idle', words.network.idle, world.network.idleTimeoutMs, true);
    const fresh = durationInput('pg-fresh', words.goals.fresh, world.goals.freshMs, true);
    const maxRequests = numberInput('pg-requests', words.goals.requests, world.goals.maxRequests, { min: 0, step: 1 });
    const held = durationInput('pg-held', words.goals.held, world.goals.maxConnectionMs, true);
    const lost = checkbox('pg-lost', words.goals.lost, world.goals.noLostEvents);
    const read = (): unknown => ({
      ...(world.prices ? { prices: world.prices } : {}),
      side: side.read(),
      ...(side.read() === 'script' ? { runsEveryMs: runsEvery.read() } : {}),
      changes: { everyMs: every.read(), rhythm: rhythm.value },
      clients: clients.read(),
      flow: flow.read(),
      offers: {
        conditionalRequests: conditional.read(),
        webhooks: hooks.read(),
        websocket: socket.read(),
        streams: streams.read(),
        longPolling: longPolling.read(),
      },
      network: { latencyMs: latency.read(), loss: (loss.read() ?? 0) / 100, ...(idle.read() !== undefined ? { idleTimeoutMs: idle.read() } : {}) },
      goals: {
        ...(fresh.read() !== undefined ? { freshMs: fresh.read() } : {}),
        ...(maxRequests.read() !== undefined ? { maxRequests: maxRequests.read() } : {}),
        ...(held.read() !== undefined ? { maxConnectionMs: held.read() } : {}),
        noLostEvents: lost.read(),
      },
    });
    fill(
      form,
      side.el,
      h(
        'fieldset',
        { class: 'pg-group' },
        h('legend', {}, words.changes.legend),
        every.el,
        h('div', { class: 'pg-field' }, h('label', { for: 'pg-rhythm' }, words.changes.rhythm), rhythm),
      ),
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.clients.legend), clients.el),
      flow.el,
      h(
        'fieldset',
        { class: 'pg-group' },
        h('legend', {}, words.offers.legend),
        conditional.el,
        hooks.el,
        socket.el,
        streams.el,
        longPolling.el,
        h('p', { class: 'hint' }, words.offers.note),
      ),
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.network.legend), latency.el, loss.el, idle.el),
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.goals.legend), fresh.el, maxRequests.el, held.el, lost.el),
    );
    validate = () => {
      showRunsEvery();
      const parsed = parseWorld(read());
      for (const field of form.querySelectorAll('[aria-invalid]')) {
        field.removeAttribute('aria-invalid');
        field.removeAttribute('aria-describedby');
      }
      for (const note of form.querySelectorAll('.pg-field-problem')) note.remove();
      if (!parsed.ok) {
        const unplaced = parsed.problems.filter((p) => !placeProblem(form, p));
        fill(problems, unplaced.length > 0 && worldProblems(unplaced));
        markStale();
        return false;
      }
      fill(problems);
      world = parsed.world;
      opts.changed(encodeWorld(world));
      checkSize();
      markStale();
      return true;
    };
    form.onchange = () => void validate();
  };
  /** Checks the form; with a valid world, it becomes the world. */
  let validate = (): boolean => true;
  /** Results of another world than the form's (or of none, while the form is invalid) say so over them. */
  const staleNote = h('p', { class: 'notice pg-stale-note', role: 'status' });
  const markStale = () => {
    const stale = results !== undefined && (form.querySelector('[aria-invalid]') !== null || results.ranOn !== runsOf(world));
    resultsBox.classList.toggle('pg-stale', stale);
    fill(staleNote, stale && words.stale);
  };

  const sizeNote = h('div', { class: 'pg-size' });
  const checkSize = () => {
    const work = workOf(world);
    if (work.changes * work.clients <= MAX_WORK) return void fill(sizeNote);
    const everyMs = Math.ceil((world.changes.everyMs * work.changes * work.clients) / MAX_WORK / 1000) * 1000;
    fill(
      sizeNote,
      h(
        'p',
        { class: 'notice' },
        words.tooLarge.replace('{changes}', formatNumber(work.changes)).replace('{clients}', String(work.clients)).replace('{every}', durationSpec(everyMs)),
        ' ',
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              world = { ...world, changes: { ...world.changes, everyMs } };
              opts.changed(encodeWorld(world));
              build();
              checkSize();
            },
          },
          words.scaleDown,
        ),
      ),
    );
  };

  const runAll = async () => {
    // While the patterns are worked out the button says so (aria-disabled) but keeps the focus: a disabled
    // button would drop it to the page.
    if (runButton.getAttribute('aria-disabled') === 'true') return;
    if (!validate()) {
      // The learner pressed Run: take them to what stops it, the first field refused (or the list of problems).
      const first = form.querySelector<HTMLElement>('[aria-invalid]') ?? problems;
      if (first === problems) problems.tabIndex = -1;
      first.focus();
      first.scrollIntoView?.({ block: 'center' });
      return;
    }
    const made = worldToLevel(world);
    if (!made.ok) {
      fill(problems, worldProblems(made.problems));
      return;
    }
    const level = made.level;
    const encoded = encodeWorld(world);
    const patterns = level.patterns.offered as PatternName[];
    const configs = patterns.map((pattern) => ({ level, pattern, params: defaultParams(level, pattern), seed: opts.seed }));
    runButton.setAttribute('aria-disabled', 'true');
    // "Working out <the next pattern> (n of all)", once `done` of them are worked out.
    const working = (done: number) =>
      (status.textContent = words.working
        .replace('{pattern}', gameWords().patterns[patterns[done]])
        .replace('{done}', String(done + 1))
        .replace('{total}', String(patterns.length)));
    status.classList.remove('sr-only');
    working(0);
    try {
      const runs = await computeInBrowser(configs, (done) => done < patterns.length && working(done));
      results = { level, runs, world: encoded, ranOn: runsOf(world) };
      kept = { key: `${opts.seed}:${results.ranOn}`, results };
      showResults();
    } catch (error) {
      status.textContent = `${words.invalid} ${(error as Error).message}`;
    } finally {
      runButton.removeAttribute('aria-disabled');
    }
  };

  const showResults = () => {
    if (!results) return;
    const { level, runs, world: encoded } = results;
    // What ran is said under the results' heading; the status line, out of sight now, still tells a screen reader.
    const seedLine = say(words.worked, { seed: opts.seed, patterns: listWords(runs.map((r) => gameWords().patterns[r.pattern])) });
    status.classList.add('sr-only');
    status.textContent = seedLine;
    const ranWorld = decodeWorld(encoded);
    const notRun = ranWorld.ok
      ? patternNames.flatMap((p) => {
          const why = whyNot(ranWorld.world, p);
          return why ? [`${gameWords().patterns[p]} (${words.whyNot[why]})`] : [];
        })
      : [];
    const simulated = clientsOf(level).length;
    const audience = level.audience ?? simulated;
    const columns: MetricName[] = ['stalenessMaxMs', 'requests', 'emptyResponses', 'bytes', 'connectionMs', 'peakServerRps', 'lostEvents'];
    const costs = runs.map((r) => monthlyCost(r.metrics, simulated, audience, prices));
    const priceInput = (key: 'perMillionRequests' | 'perMillionMessages' | 'perMillionConnectionMinutes') =>
      h(
        'div',
        { class: 'pg-field' },
        h('label', { for: `pg-${key}` }, words[key]),
        h('input', {
          id: `pg-${key}`,
          type: 'number',
          min: 0,
          step: 'any',
          value: String(prices[key]),
          onchange: (e: Event) => {
            const value = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(value) && value >= 0) {
              const { perMillionRequests, perMillionMessages, perMillionConnectionMinutes } = prices;
              world = { ...world, prices: { perMillionRequests, perMillionMessages, perMillionConnectionMinutes, [key]: value } };
              prices = pricesOf(world);
              opts.changed(encodeWorld(world));
              // Drawn anew, the results keep the focus where it went (the next price, Tab after the change).
              const at = document.activeElement?.id;
              showResults();
              if (at) document.getElementById(at)?.focus();
            }
          },
        }),
      );
    fill(
      resultsBox,
      h('h2', { id: 'pg-results-title' }, words.resultsHeading),
      staleNote,
      h('p', { class: 'pg-seed' }, seedLine),
      notRun.length > 0 && h('p', { class: 'pg-not-run' }, say(words.notRun, { list: listWords(notRun) })),
      fitLine(level, runs),
      ...whyNotes(level, runs),
      h(
        'p',
        { class: 'hint' },
        words.pollingNote
          .replace('{interval}', formatDuration(defaultParams(level, 'polling').intervalMs ?? pollingInterval(world)))
          .replace('{span}', formatDuration(level.world.durationMs))
          .replace('{simulated}', clientCount(simulated)),
      ),
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': words.resultsHeading },
        h(
          'table',
          { class: 'compare' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, gameWords().ui.patternCol),
              h('th', { scope: 'col' }, words.perMonth),
              h('th', { scope: 'col' }, words.goalsMet),
              ...columns.map((m) =>
                h(
                  'th',
                  { scope: 'col' },
                  m === 'peakServerRps' && audience > simulated
                    ? words.peakNote.replace('{metric}', gameWords().metrics[m]).replace('{simulated}', String(simulated))
                    : gameWords().metrics[m],
                ),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...runs.map((r, i) =>
              h(
                'tr',
                {},
                withPatternColour(h('th', { scope: 'row', class: 'pg-pattern' }, gameWords().patterns[r.pattern]), r.pattern),
                h('td', {}, dollars(costs[i].dollars.total)),
                h('td', {}, say(words.goalsOf, { met: r.goals.filter((g) => g.met).length, all: r.goals.length })),
                ...columns.map((m) => h('td', {}, formatMetric(m, r.metrics[m]))),
              ),
            ),
          ),
        ),
      ),
      atScale(level, runs),
      runChart(level, runs),
      h('p', { class: 'hint' }, words.chartNote),
      h('p', {}, h('button', { type: 'button', onclick: () => opts.play(level, results?.ranOn === runsOf(world) ? encodeWorld(world) : encoded) }, words.play)),
      h('h3', {}, words.costHeading),
      h(
        'p',
        { class: 'hint' },
        words.costNote
          .replace('{clients}', clientCount(audience))
          .replace('{factor}', formatNumber(Math.round(costs[0]?.factor ?? 0)))
          .replace('{source}', prices.source),
      ),
      // Each pattern's total here too, under its prices: on a phone the table's column may be a scroll away.
      h(
        'ul',
        { class: 'pg-totals' },
        ...runs.map((r, i) =>
          withPatternColour(
            h('li', { class: 'pg-pattern' }, say(words.costLine, { pattern: gameWords().patterns[r.pattern], dollars: dollars(costs[i].dollars.total) })),
            r.pattern,
          ),
        ),
      ),
      h('div', { class: 'pg-prices' }, priceInput('perMillionRequests'), priceInput('perMillionMessages'), priceInput('perMillionConnectionMinutes')),
    );
    resultsBox.hidden = false;
  };

  const runButton = h('button', { type: 'button', class: 'primary', onclick: () => void runAll() }, words.run);
  const linkField = h('input', { type: 'text', readonly: true, 'aria-label': words.share, class: 'pg-link', hidden: true });
  const linkStatus = h('span', { role: 'status' });
  const share = async () => {
    const url = new URL(window.location.href);
    url.searchParams.set('screen', 'playground');
    url.searchParams.set('world', encodeWorld(world));
    url.searchParams.delete('level');
    linkField.value = url.toString();
    linkField.hidden = false;
    await copyField(linkField, linkStatus, { copied: words.copied, refused: words.copyRefused });
  };
  const save = async () => {
    const blob = new Blob([JSON.stringify(worldToLevelFile(world, undefined, await everyLanguage()), null, 2) + '\n'], { type: 'application/json' });
    const a = h('a', { href: URL.createObjectURL(blob), download: 'my-world.json' });
    a.click();
    URL.revokeObjectURL(a.href);
  };

  build();
  checkSize();
  if (fromAddress?.ok && opts.playNow) {
    const made = worldToLevel(world);
    if (made.ok) queueMicrotask(() => opts.play(made.level, encodeWorld(world)));
  }
  // A link to a world brings its results back too: the same world and seed give the same runs (kept from the last time, if it was this world).
  if (fromAddress?.ok && kept?.key === `${opts.seed}:${runsOf(world)}`) {
    results = kept.results;
    showResults();
  } else if (fromAddress?.ok && !opts.playNow) queueMicrotask(() => void runAll());
  return h(
    'main',
    { class: 'playground-screen' },
    h('h1', { id: 'playground-title', tabindex: -1 }, words.title),
    h('p', { class: 'intro' }, words.intro),
    fromAddress && !fromAddress.ok
      ? h(
          'div',
          { class: 'notice error', role: 'alert' },
          h('p', {}, words.fromAddress),
          h('ul', {}, ...fromAddress.problems.map((p) => h('li', {}, addressProblem(p)))),
        )
      : null,
    form,
    problems,
    sizeNote,
    h(
      'div',
      { class: 'actions' },
      runButton,
      h('button', { type: 'button', onclick: () => void share() }, words.share),
      h('button', { type: 'button', title: words.saveNote, onclick: () => void save() }, words.save),
    ),
    h('p', { class: 'hint' }, words.saveNote),
    h('div', { class: 'pg-share' }, linkField, linkStatus),
    status,
    resultsBox,
  );
}
