import type { SnapshotFrom } from 'xstate';
import { measure } from '../content/goals.ts';
import { formatMetric, levelText, listWords, say } from '../content/present.ts';
import { clientsOf, type Level } from '../content/schema.ts';
import { words } from '../content/text/index.ts';
import { speakLevel } from '../content/trace-words.ts';
import type { LevelActor, LevelContext } from '../flow/level-machine.ts';
import type { RunView } from '../flow/run-view.ts';
import type { StageHandle } from '../stage/model.ts';
import type { MetricName } from '../sim/metrics.ts';
import type { Announcer } from './announcer.ts';
import type { PatternName } from '../content/patterns.ts';
import { briefingPanel } from './briefing-panel.ts';
import { choosePanel } from './choose-panel.ts';
import type { CompareView } from './compare-view.ts';
import { controlsPanel } from './controls-panel.ts';
import { debriefPanel } from './debrief-panel.ts';
import { fill, h } from './dom.ts';
import { Inspector } from './inspector.ts';
import { LogView } from './log-view.ts';
import { isNarrow, prefersReducedMotion } from './media.ts';
import type { UiPorts } from './ports.ts';
import { stageFeed, stageModel } from './stage-model.ts';
import { TransportBar } from './transport-bar.ts';

type Step = 'briefing' | 'choosing' | 'playing' | 'paused' | 'debrief';

/** Which panel the level machine's state calls for; `done` keeps the debrief until the next level opens. */
function stepOf(snapshot: SnapshotFrom<LevelActor>): Step {
  if (snapshot.matches('briefing')) return 'briefing';
  if (snapshot.matches('choosing')) return 'choosing';
  if (snapshot.matches({ running: 'paused' })) return 'paused';
  if (snapshot.matches('running')) return 'playing';
  return 'debrief';
}

const LOG_EVERY_MS = 120;

const boardMetrics: MetricName[] = ['requests', 'emptyResponses', 'deliveries', 'frames', 'refused'];

/**
 * One level on screen: the stage, its playback controls, the message log and the message inspector on the left, the panel
 * of the current step on the right (on a narrow screen, the briefing and the choice come first).
 * It renders from the level machine's snapshots and sends it events; nothing else.
 */
export class LevelScreen {
  readonly el: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly stageHost: HTMLElement;
  private readonly log: LogView;
  private readonly transport: TransportBar;
  private readonly inspector: Inspector;
  private stage: StageHandle | undefined;
  private comparing: CompareView | undefined;
  private renderedKey = '';
  private board: HTMLElement | undefined;
  private view: RunView | undefined;
  private frame = 0;
  private lastBoard = 0;
  private lastLog = 0;
  private boardShown = -1;
  private readonly unsubscribe: () => void;
  private readonly live: HTMLElement;
  private announcer: Announcer | undefined;
  private paused = false;
  /** The announcer speaks only while the run plays or is paused: the debrief has the focus, and the word, after. */
  private running = false;

  constructor(
    private readonly actor: LevelActor,
    private readonly ports: UiPorts,
    private readonly hasNext: boolean,
    /** The words of the debrief's button that leaves, when it goes elsewhere than the next level or the list. */
    private readonly nextWords?: string,
  ) {
    const level = actor.getSnapshot().context.level;
    // Its runs are worked out in English: the log, the stage and the inspector say its words in the player's language.
    speakLevel(level);
    const device = { narrow: isNarrow(ports.embed), reducedMotion: prefersReducedMotion() };
    // The stage is a canvas: its text equivalent is its label, kept up to date by the announcer.
    this.stageHost = h('div', { class: `stage${device.narrow ? ' narrow' : ''}`, role: 'img', 'aria-label': this.atRest(level) });
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.inspector = new Inspector((id) => levelText(level).actors[id] ?? id);
    this.log = new LogView(level, device.reducedMotion, (seq) => this.inspect(seq));
    this.transport = new TransportBar((event) => actor.send(event));
    this.panel = h('aside', { class: 'panel' });
    this.el = h(
      'main',
      { class: 'level-screen' },
      // The inspector sits under the log whose lines it opens, not under the panel, which grows long in a debrief;
      // in a frame, where the stage column must fit the frame's height, it stays in the side column, which scrolls.
      h('div', { class: 'stage-column' }, this.stageHost, this.transport.el, this.live, this.log.el, !ports.embed && this.inspector.el),
      h('div', { class: 'side-column' }, this.panel, ports.embed && this.inspector.el),
    );
    // The stage is laid out for the size it is shown at: start it once the screen is on the page.
    void Promise.resolve()
      .then(() => ports.loadStage(this.stageHost, stageModel(level, device)))
      .then((stage) => {
        if (this.frame === -1) stage.destroy();
        else {
          this.stage = stage;
          this.stageHost.dataset.smallestFont = String(stage.smallestFont());
          // A message picked on the stage opens in the inspector, brought into view (it stands under the log).
          stage.onPick((seq) => {
            this.inspect(seq);
            if (!ports.embed) this.inspector.el.scrollIntoView({ block: 'nearest' });
          });
          this.attachFeed();
        }
      });
    const sub = actor.subscribe(() => this.render());
    this.unsubscribe = () => sub.unsubscribe();
    this.render();
    this.loop();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.frame = -1;
    this.unsubscribe();
    this.stage?.destroy();
    this.comparing?.close();
  }

  private render(): void {
    const snapshot = this.actor.getSnapshot();
    const ctx = snapshot.context;
    const step = stepOf(snapshot);
    const key = [step, ctx.pattern, ctx.error, ctx.result ? ctx.runs.length : 0, Boolean(ctx.view)].join('|');
    this.el.dataset.step = step;
    if (ctx.view !== this.view) {
      this.view = ctx.view;
      this.inspect(undefined);
      this.log.reset();
      this.boardShown = -1;
      this.attachFeed();
      this.announcer = undefined;
      if (ctx.view) void this.announce(ctx.view);
      else this.stageHost.setAttribute('aria-label', this.atRest(ctx.level));
    }
    this.paused = step === 'paused';
    this.running = step === 'playing' || step === 'paused';
    // The run's last announcement would stay on the page, read again by a screen reader going through the debrief.
    if (!this.running) this.live.textContent = '';
    // In the debrief the finished run can be looked at again: the controls stay, stopped until played.
    const reviewing = step === 'debrief' && ctx.view !== undefined;
    this.transport.render(this.running || reviewing, step === 'paused' || (reviewing && snapshot.matches({ debrief: 'still' })), ctx.speed, ctx.view);
    if (key === this.renderedKey) return;
    // Focus moves on purpose only: to the panel's heading when the step is a new one (not between playing and
    // paused, which is one step to the player). Otherwise the control the player acted on keeps it, though the
    // panel is drawn anew (a pattern picked with Enter or Space, Pause pressed in the panel).
    const before = this.renderedKey.split('|')[0];
    const toggled = (before === 'playing' || before === 'paused') && (step === 'playing' || step === 'paused');
    const focusPanel = this.renderedKey !== '' && before !== step && !toggled;
    const kept = focusPanel ? undefined : focusKey(document.activeElement, this.panel);
    this.renderedKey = key;
    this.board = undefined;
    fill(this.panel, this.panelFor(step, ctx));
    if (focusPanel) this.panel.scrollTop = 0;
    // A run that starts is watched on the stage: its heading takes the focus without scrolling to it (on a
    // phone the panel is under the stage and the log), and the stage is brought into view if it is not.
    const started = focusPanel && step === 'playing';
    if (focusPanel) this.panel.querySelector<HTMLElement>('#panel-heading')?.focus({ preventScroll: this.ports.embed || started });
    if (started && !this.ports.embed) this.stageHost.scrollIntoView({ block: 'nearest' });
    // The run is over: its verdict is said once (the focus is on the debrief's heading, the pattern's name).
    if (focusPanel && step === 'debrief') this.live.textContent = this.panel.querySelector('.verdict > span:not([aria-hidden])')?.textContent?.trim() ?? '';
    if (kept !== undefined) {
      const again = [...this.panel.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, [tabindex]')].find(
        (el) => focusKey(el, this.panel) === kept,
      );
      again?.focus({ preventScroll: true });
    }
  }

  private atRest(level: Level): string {
    const text = levelText(level);
    return words().a11y.stageAtRest.replace('{title}', text.title).replace('{actors}', this.actorNames(level));
  }

  private actorNames(level: Level): string {
    return listWords(level.actors.map((a) => levelText(level).actors[a.id] ?? a.id));
  }

  /** Start saying this run (the announcer is loaded with the first run, as the stage is: not before the first screen). */
  private async announce(view: RunView): Promise<void> {
    const { Announcer } = await import('./announcer.ts');
    if (view !== this.view || this.frame === -1) return;
    const level = view.level;
    const text = levelText(level);
    this.announcer = new Announcer({
      view,
      clients: clientsOf(level).length,
      title: text.title,
      actors: this.actorNames(level),
      name: (id) => text.actors[id] ?? id,
      line: (i) => this.log.lineText(view.events[i]),
      say: (words) => (this.live.textContent = words),
      describe: (words) => this.stageHost.setAttribute('aria-label', words),
      clock: () => performance.now(),
    });
  }

  private panelFor(step: Step, ctx: LevelContext): HTMLElement {
    const send = this.actor.send.bind(this.actor);
    if (step === 'briefing') return briefingPanel(ctx.level, () => send({ type: 'CONTINUE' }));
    if (step === 'choosing') {
      return choosePanel(ctx, {
        pick: (pattern) => send({ type: 'PICK', pattern }),
        setParam: (name, v) => send({ type: 'SET_PARAM', name, value: v }),
        predict: (value) => send({ type: 'PREDICT', value }),
        run: () => send({ type: 'RUN' }),
        briefing: () => send({ type: 'BRIEFING' }),
      });
    }
    if (step === 'debrief') {
      return debriefPanel(ctx, {
        retry: () => send({ type: 'RETRY' }),
        next: () => send({ type: 'NEXT' }),
        hasNext: this.hasNext,
        nextWords: this.nextWords,
        loadSource: this.ports.loadSource,
        compare: (pattern) => this.compare(pattern),
      });
    }
    const { el, board } = controlsPanel(ctx, step === 'paused', { control: send, stop: () => send({ type: 'STOP' }) });
    this.board = board;
    this.lastBoard = 0;
    this.boardShown = -1;
    return el;
  }

  private attachFeed(): void {
    const view = this.view;
    if (!this.stage) return;
    if (!view) {
      this.stage.setFeed(undefined);
      return;
    }
    this.stage.setFeed(stageFeed(view));
  }

  private loop = (): void => {
    if (this.frame === -1) return;
    this.frame = requestAnimationFrame(this.loop);
    const view = this.view;
    if (!view) return;
    const shown = view.shown();
    // A message picked before the playhead went back past it is not there any more.
    if (this.inspector.packet && this.inspector.packet.t > view.now()) this.inspect(undefined);
    const now = performance.now();
    // The log's new lines scroll it, which lays the page out again: a few times a second is enough to
    // read, and leaves a slow phone's frames to the stage (every frame while paused, to follow a step).
    if (now - this.lastLog > LOG_EVERY_MS || this.el.dataset.step === 'paused') {
      this.lastLog = now;
      this.log.show(view.events, shown);
    }
    this.transport.update();
    if (this.running) this.announcer?.tick(this.paused);
    if (this.board && shown !== this.boardShown && now - this.lastBoard > 250) {
      this.lastBoard = now;
      this.boardShown = shown;
      this.updateBoard(view, shown);
    }
  };

  /** Replay the run just seen beside another pattern's, in a dialog over the screen (loaded when first asked for); back to the debrief after. */
  private compare(pattern: PatternName): void {
    const opener = document.activeElement as HTMLElement | null;
    void import('./compare-view.ts').then(({ CompareView }) => {
      if (this.frame === -1) return;
      this.comparing?.close();
      this.comparing = new CompareView(this.actor.getSnapshot().context, pattern, this.ports, () => {
        this.comparing = undefined;
        opener?.focus({ preventScroll: this.ports.embed });
      });
      this.comparing.open(this.el);
    });
  }

  /** Show message `seq` of the run in the inspector, ringed on the stage and marked in the log (none: clear). */
  private inspect(seq: number | undefined): void {
    const packet = seq === undefined ? undefined : this.view?.events.find((e) => e.seq === seq);
    const picked = packet?.type === 'packet' ? packet : undefined;
    this.inspector.show(picked);
    this.stage?.select(picked?.seq);
    this.log.select(picked?.seq);
  }

  /** The goals' numbers as they stood at the playhead. */
  private updateBoard(view: RunView, shown: number): void {
    const level = view.level;
    const m = measure(level, view.events.slice(0, shown), view.now());
    const known = m.events - m.lostEvents;
    fill(
      this.board!,
      h('dt', {}, clientsOf(level).length > 1 ? words().ui.changesLearnedAll : words().ui.changesLearned),
      h('dd', {}, m.events === 0 ? words().ui.noneYet : say(words().ui.knownSoFar, { known, events: m.events })),
      ...boardMetrics.filter((k) => k === 'requests' || m[k] > 0).flatMap((k) => [h('dt', {}, words().metrics[k]), h('dd', {}, formatMetric(k, m[k]))]),
    );
  }
}

/** What identifies a control across a redraw of its panel: its id, its data-focus key, or its kind and words. */
function focusKey(el: Element | null, within: HTMLElement): string | undefined {
  if (!(el instanceof HTMLElement) || !within.contains(el) || el === within) return undefined;
  return el.id || el.dataset.focus || `${el.tagName}:${el.textContent ?? ''}`;
}
