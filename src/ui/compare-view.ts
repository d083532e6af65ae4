import { measure } from '../content/goals.ts';
import { defaultParams } from '../content/params.ts';
import type { PatternName } from '../content/patterns.ts';
import { formatMetric, levelText, paramsText, say } from '../content/present.ts';
import { clientsOf } from '../content/schema.ts';
import { words } from '../content/text/index.ts';
import type { Comparison } from '../flow/comparison.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import type { ControlEvent, RunResult } from '../flow/run-protocol.ts';
import type { RunView } from '../flow/run-view.ts';
import { compareInBrowser } from '../flow/runner.ts';
import './compare-view.css';
import type { MetricName } from '../sim/metrics.ts';
import type { StageHandle } from '../stage/model.ts';
import { fill, h } from './dom.ts';
import { prefersReducedMotion } from './media.ts';
import { withPatternColour } from './pattern-colour.ts';
import type { UiPorts } from './ports.ts';
import { stageFeed, stageModel } from './stage-model.ts';
import { TransportBar } from './transport-bar.ts';

/**
 * "Compare with…": the run just seen and the same world (same seed) with another pattern, each on
 * its own stage with its own counters, played on one timeline: at every moment both show the same
 * virtual time, so who learns a change first, and what each sent for it, is seen and not only read.
 * Opened from the debrief as a modal dialog; closing it goes back to the debrief.
 */

/**
 * Narrower than this, a lane's stage is drawn upright. Wider, it keeps its columns (a course frame's stage, as
 * small as 320 px: tests/unit/stage-layout.test.ts), so that on a phone the two lanes, one over the other,
 * are short enough to be seen at once.
 */
const UPRIGHT_BELOW = 300;

/**
 * The counters shown for each run: what the level's goals measure, and what every run sends. Changes not
 * learned are said by the first line, as learned so far: mid-run, "never learned" would count a change
 * whose news is still on its way.
 */
function countersOf(ctx: LevelContext): MetricName[] {
  return [...new Set<MetricName>(['requests', 'bytes', ...ctx.level.goals.map((g) => g.metric)])].filter((k) => k !== 'lostEvents');
}

/** The other pattern's settings: the player's own from their last run of it, else its defaults. */
export function otherConfig(ctx: LevelContext, pattern: PatternName) {
  const last = [...ctx.runs].reverse().find((r) => r.pattern === pattern);
  return { level: ctx.level, pattern, seed: ctx.seed, params: last?.params ?? defaultParams(ctx.level, pattern) };
}

interface Lane {
  board: HTMLElement;
  stageHost: HTMLElement;
  stage?: StageHandle;
  view?: RunView;
  shown: number;
}

export class CompareView {
  readonly el: HTMLDialogElement;
  private readonly status: HTMLElement;
  private readonly transport: TransportBar;
  private readonly lanes: Lane[];
  private comparison: Comparison | undefined;
  private paused = false;
  private speed: number;
  private frame = 0;
  private lastBoard = 0;
  private closed = false;

  constructor(
    private readonly ctx: LevelContext,
    pattern: PatternName,
    ports: Pick<UiPorts, 'loadStage'>,
    private readonly onClose: () => void,
  ) {
    const result = ctx.result!;
    const other = otherConfig(ctx, pattern);
    const patterns = [result, other];
    this.speed = ctx.speed;
    this.status = h(
      'p',
      { class: 'compare-status', role: 'status' },
      say(words().ui.workingOutOther, { pattern: words().patterns[pattern] }),
      h('progress', { class: 'working', 'aria-label': words().ui.workingOut }),
    );
    this.transport = new TransportBar((event) => this.control(event));
    this.lanes = patterns.map((run) => ({
      board: h('dl', { class: 'board', 'aria-label': say(words().ui.laneBoard, { pattern: words().patterns[run.pattern] }) }),
      stageHost: h('div', { class: 'stage compare-stage' }),
      shown: -1,
    }));
    const title = say(words().ui.sideBySideTitle, { a: words().patterns[result.pattern], b: words().patterns[pattern] });
    this.el = h(
      'dialog',
      { class: 'compare-view', 'aria-label': words().ui.sideBySide, onclose: () => this.close() },
      h(
        'header',
        { class: 'compare-head' },
        h('div', {}, h('p', { class: 'eyebrow' }, say(words().ui.titleSeed, { title: levelText(ctx.level).title, seed: ctx.seed })), h('h2', {}, title)),
        h('button', { class: 'quiet', onclick: () => this.close() }, words().ui.backToDebrief),
      ),
      this.status,
      h(
        'div',
        { class: 'compare-lanes' },
        ...patterns.map((run, i) =>
          withPatternColour(
            h(
              'section',
              { class: 'compare-lane', 'aria-label': words().patterns[run.pattern] },
              h('h3', {}, `${words().patterns[run.pattern]} ${paramsText(run.params)}`),
              this.lanes[i].board,
              this.lanes[i].stageHost,
            ),
            run.pattern,
          ),
        ),
      ),
      this.transport.el,
    );
    this.begin = () =>
      this.start([{ level: ctx.level, pattern: result.pattern, params: result.params, seed: result.seed }, other], [result, ...ctx.runs], ports);
  }

  private readonly begin: () => Promise<void>;

  /** Put it on the page as a modal dialog. */
  open(parent: HTMLElement): void {
    parent.append(this.el);
    if (typeof this.el.showModal === 'function') this.el.showModal();
    else this.el.setAttribute('open', '');
    // The stages are laid out for the size they are shown at: start them once the dialog is on the page.
    void this.begin();
  }

  private async start(configs: Parameters<typeof compareInBrowser>[0], known: RunResult[], ports: Pick<UiPorts, 'loadStage'>): Promise<void> {
    const reducedMotion = prefersReducedMotion();
    const stages = this.lanes.map((lane) => {
      // A lane too narrow for the stage's columns gets the upright stage.
      const narrow = lane.stageHost.clientWidth < UPRIGHT_BELOW;
      lane.stageHost.classList.toggle('narrow', narrow);
      const loaded = ports.loadStage(lane.stageHost, stageModel(this.ctx.level, { narrow, reducedMotion }));
      return loaded.then((stage) => (this.closed ? stage.destroy() : (lane.stage = stage)));
    });
    try {
      const comparison = await compareInBrowser(configs, known, this.speed);
      if (this.closed) return comparison.stop();
      this.comparison = comparison;
      await Promise.all(stages);
      if (this.closed) return;
      comparison.runs.forEach(({ view }, i) => this.attach(this.lanes[i], view));
      this.status.textContent = words().ui.bothOnTimeline;
      this.transport.render(true, this.paused, this.speed, comparison.view);
      this.loop();
    } catch (error) {
      if (!this.closed) this.status.textContent = say(words().ui.otherFailed, { error: (error as Error).message });
    }
  }

  private attach(lane: Lane, view: RunView): void {
    lane.view = view;
    lane.stage?.setFeed(stageFeed(view));
  }

  private control(event: ControlEvent): void {
    if (event.type === 'PAUSE' || event.type === 'STEP' || event.type === 'STEP_BACK') this.paused = true;
    if (event.type === 'RESUME') this.paused = false;
    if (event.type === 'SPEED') this.speed = event.speed;
    this.comparison?.control(event);
    this.transport.render(true, this.paused, this.speed, this.comparison?.view);
  }

  private loop = (): void => {
    if (this.closed) return;
    this.frame = requestAnimationFrame(this.loop);
    this.transport.update();
    const now = performance.now();
    if (now - this.lastBoard < 250) return;
    this.lastBoard = now;
    for (const lane of this.lanes) if (lane.view) this.updateBoard(lane, lane.view);
  };

  /** A run's counters as they stood at the playhead. */
  private updateBoard(lane: Lane, view: RunView): void {
    const shown = view.shown();
    if (shown === lane.shown) return;
    lane.shown = shown;
    const m = measure(this.ctx.level, view.events.slice(0, shown), view.now());
    const known = m.events - m.lostEvents;
    fill(
      lane.board,
      h('dt', {}, clientsOf(this.ctx.level).length > 1 ? words().ui.changesLearnedAll : words().ui.changesLearned),
      h('dd', {}, m.events === 0 ? words().ui.noneYet : say(words().ui.knownSoFar, { known, events: m.events })),
      ...countersOf(this.ctx).flatMap((k) => [h('dt', {}, words().metrics[k]), h('dd', {}, formatMetric(k, m[k]))]),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    cancelAnimationFrame(this.frame);
    this.comparison?.stop();
    for (const lane of this.lanes) lane.stage?.destroy();
    if (this.el.open && typeof this.el.close === 'function') this.el.close();
    this.el.remove();
    this.onClose();
  }
}
