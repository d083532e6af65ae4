import { defaultPrices, monthlyCost, type UnitPrices } from '../content/cost.ts';
import { durationSpec } from '../content/duration.ts';
import { defaultParams } from '../content/params.ts';
import {
  decodeWorld,
  defaultWorld,
  encodeWorld,
  parseWorld,
  pollingInterval,
  SCRIPT_EVERY_MS,
  worldToLevel,
  worldToLevelFile,
  workOf,
  type World,
} from '../content/playground.ts';
import { formatMetric, listWords, say } from '../content/present.ts';
import { clientsOf, type Level } from '../content/schema.ts';
import { formatProblem, type Problem } from '../content/schema-kit.ts';
import { everyLanguage, words as gameWords } from '../content/text/index.ts';
import type { PatternName } from '../content/patterns.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { computeInBrowser } from '../flow/runner.ts';
import type { MetricName } from '../sim/metrics.ts';
import { copyField, fill, h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import { runChart } from './run-chart.ts';
import { formatDuration, formatNumber } from '../sim/format.ts';
import { fitLine, whyNotes } from './playground-findings.ts';

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

/** A duration as a number and a unit the learner picks; empty when `optional` and left blank. */
function durationInput(id: string, label: string, ms: number | undefined, optional = false) {
  const [unit, factor] = [...units].reverse().find(([, f]) => ms !== undefined && ms >= f && ms % f === 0) ?? ['s', 1000];
  const amount = h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', value: ms === undefined ? '' : String(ms / factor) });
  const select = h(
    'select',
    { 'aria-label': say(gameWords().ui.unitOf, { label }) },
    ...units.map(([u]) => h('option', { value: u, selected: u === unit }, u === 'days' ? words.days : u)),
  );
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

/** The field each part of a world is set in, by its path in the world. */
const fieldOf: Record<string, string> = {
  clients: 'pg-clients',
  runsEveryMs: 'pg-runs-every',
  'changes.everyMs': 'pg-every',
  'network.latencyMs': 'pg-latency',
  'network.loss': 'pg-loss',
  'network.idleTimeoutMs': 'pg-idle',
  'goals.freshMs': 'pg-fresh',
  'goals.maxRequests': 'pg-requests',
  'goals.maxConnectionMs': 'pg-held',
};

/** Say a refused value next to its field, and mark the field invalid; false when the problem has no field. */
function placeProblem(form: HTMLElement, problem: Problem): boolean {
  const input = fieldOf[problem.path] ? form.querySelector<HTMLInputElement>(`#${fieldOf[problem.path]}`) : null;
  if (!input) return false;
  const id = `${input.id}-problem`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input
    .closest('.pg-field')
    ?.append(
      h('p', { id, class: 'pg-field-problem', role: 'alert' }, words.fieldProblem.replace('{expected}', problem.expected).replace('{got}', problem.got)),
    );
  return true;
}

/** Why a world cannot run, each problem by its path in the world and what was expected there. */
function worldProblems(list: readonly Problem[]): HTMLElement[] {
  return [h('p', {}, words.invalid), h('ul', {}, ...list.map((p) => h('li', {}, formatProblem('world', p))))];
}

/** "1 client", "10,000 clients", in the game's language. */
const clientCount = (n: number) => say(n === 1 ? words.clientOne : words.clientMany, { n: formatNumber(n) });

const dollars = (n: number) => (n >= 100 ? formatNumber(Math.round(n)) : formatNumber(n, { maximumFractionDigits: 2, minimumFractionDigits: 2 }));

export function playgroundScreen(opts: PlaygroundOptions): HTMLElement {
  const fromAddress = opts.world === undefined ? undefined : decodeWorld(opts.world);
  let world: World = fromAddress?.ok ? fromAddress.world : defaultWorld;
  let prices: UnitPrices = defaultPrices();
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
    const latency = durationInput('pg-latency', words.network.latency, world.network.latencyMs);
    const loss = numberInput('pg-loss', words.network.loss, world.network.loss * 100, { min: 0, max: 50, step: 0.1 });
    const idle = durationInput('pg-idle', words.network.idle, world.network.idleTimeoutMs, true);
    const fresh = durationInput('pg-fresh', words.goals.fresh, world.goals.freshMs, true);
    const maxRequests = numberInput('pg-requests', words.goals.requests, world.goals.maxRequests, { min: 0, step: 1 });
    const held = durationInput('pg-held', words.goals.held, world.goals.maxConnectionMs, true);
    const lost = checkbox('pg-lost', words.goals.lost, world.goals.noLostEvents);
    const read = (): unknown => ({
      side: side.read(),
      ...(side.read() === 'script' ? { runsEveryMs: runsEvery.read() } : {}),
      changes: { everyMs: every.read(), rhythm: rhythm.value },
      clients: clients.read(),
      flow: flow.read(),
      offers: { conditionalRequests: conditional.read(), webhooks: hooks.read(), websocket: socket.read() },
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
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.offers.legend), conditional.el, hooks.el, socket.el),
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.network.legend), latency.el, loss.el, idle.el),
      h('fieldset', { class: 'pg-group' }, h('legend', {}, words.goals.legend), fresh.el, maxRequests.el, held.el, lost.el),
    );
    form.onchange = () => {
      showRunsEvery();
      const parsed = parseWorld(read());
      for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
      for (const note of form.querySelectorAll('.pg-field-problem')) note.remove();
      if (!parsed.ok) {
        const unplaced = parsed.problems.filter((p) => !placeProblem(form, p));
        fill(problems, unplaced.length > 0 && worldProblems(unplaced));
        return;
      }
      fill(problems);
      world = parsed.world;
      opts.changed(encodeWorld(world));
      checkSize();
    };
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
    const made = worldToLevel(world);
    if (!made.ok) {
      fill(problems, worldProblems(made.problems));
      return;
    }
    const level = made.level;
    const encoded = encodeWorld(world);
    const patterns = level.patterns.offered as PatternName[];
    const configs = patterns.map((pattern) => ({ level, pattern, params: defaultParams(level, pattern), seed: opts.seed }));
    runButton.disabled = true;
    // "Working out <the next pattern> (n of all)", once `done` of them are worked out.
    const working = (done: number) =>
      (status.textContent = words.working
        .replace('{pattern}', gameWords().patterns[patterns[done]])
        .replace('{done}', String(done + 1))
        .replace('{total}', String(patterns.length)));
    working(0);
    try {
      const runs = await computeInBrowser(configs, (done) => done < patterns.length && working(done));
      results = { level, runs, world: encoded };
      kept = { key: `${opts.seed}:${encoded}`, results };
      showResults();
    } catch (error) {
      status.textContent = `${words.invalid} ${(error as Error).message}`;
    } finally {
      runButton.disabled = false;
    }
  };

  const showResults = () => {
    if (!results) return;
    const { level, runs, world: encoded } = results;
    status.textContent = words.worked.replace('{seed}', String(opts.seed)).replace('{patterns}', listWords(runs.map((r) => gameWords().patterns[r.pattern])));
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
              prices = { ...prices, [key]: value, source: `${prices.source}${gameWords().ui.changedByYou}` };
              showResults();
            }
          },
        }),
      );
    fill(
      resultsBox,
      h('h2', { id: 'pg-results-title' }, words.resultsHeading),
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
              h('th', { scope: 'col' }, words.perMonth),
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
                h('td', {}, say(words.goalsOf, { met: r.goals.filter((g) => g.met).length, all: r.goals.length })),
                ...columns.map((m) => h('td', {}, formatMetric(m, r.metrics[m]))),
                h('td', {}, dollars(costs[i].dollars.total)),
              ),
            ),
          ),
        ),
      ),
      runChart(level, runs),
      h('p', {}, h('button', { type: 'button', onclick: () => opts.play(level, encoded) }, words.play)),
      h('h3', {}, words.costHeading),
      h(
        'p',
        { class: 'hint' },
        words.costNote
          .replace('{clients}', clientCount(audience))
          .replace('{factor}', formatNumber(Math.round(costs[0]?.factor ?? 0)))
          .replace('{source}', prices.source),
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
  if (fromAddress?.ok && kept?.key === `${opts.seed}:${encodeWorld(world)}`) {
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
          h('ul', {}, ...fromAddress.problems.map((p) => h('li', {}, formatProblem('world=', p)))),
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
