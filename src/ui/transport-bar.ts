import { words } from '../content/text/index.ts';
import type { MomentKind } from '../flow/moments.ts';
import { speeds, type ControlEvent } from '../flow/run-protocol.ts';
import type { RunView } from '../flow/run-view.ts';
import { formatClock, formatDuration, formatNumber } from '../sim/format.ts';
import { fill, h } from './dom.ts';
import { say } from '../content/present.ts';

/**
 * The playback controls under the stage: step back, pause or run, step, the timeline to scrub (a
 * slider: arrow keys move it by a hundredth of the run, Page Up and Page Down by a tenth, Home and
 * End to either end), the time shown, and the speed. The marks on the timeline are the moments that
 * decide the verdict. The slider runs along the playback, not along virtual time, so that a busy
 * second has room on it and a quiet day does not take it all.
 */

const speedLabel = (s: number) => `${formatNumber(s)}×`;

const markClass: Record<MomentKind, string> = {
  change: 'change',
  learned: 'learned',
  lost: 'failure',
  refused: 'failure',
  'rate-limited': 'failure',
  'turned-down': 'failure',
  failed: 'failure',
  caught: 'learned',
  misstep: 'failure',
};

export class TransportBar {
  readonly el: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly slider: HTMLInputElement;
  private readonly marks: HTMLElement;
  private readonly time: HTMLOutputElement;
  private readonly speed: HTMLSelectElement;
  private view: RunView | undefined;
  private paused = false;
  private dragging = false;
  private shownSecond = NaN;

  constructor(private readonly send: (event: ControlEvent) => void) {
    this.toggle = h('button', { class: 'primary play', onclick: () => this.send({ type: this.paused ? 'RESUME' : 'PAUSE' }) }, words().a11y.pause);
    this.slider = h('input', {
      type: 'range',
      class: 'scrub-slider',
      'aria-label': words().ui.timeline,
      min: 0,
      max: 1,
      value: 0,
      disabled: true,
      oninput: () => this.send({ type: 'SEEK', position: Number(this.slider.value) }),
      onkeydown: (e: Event) => this.key(e as KeyboardEvent),
      onpointerdown: () => (this.dragging = true),
      onpointerup: () => (this.dragging = false),
      onpointercancel: () => (this.dragging = false),
    });
    this.marks = h('div', { class: 'scrub-marks', 'aria-hidden': 'true' });
    this.time = h('output', { class: 'scrub-time', 'aria-live': 'off' }, formatClock(0));
    this.speed = h(
      'select',
      { 'aria-label': words().ui.speed, onchange: () => this.send({ type: 'SPEED', speed: Number(this.speed.value) }) },
      ...speeds.map((s) => h('option', { value: s }, speedLabel(s))),
    );
    this.el = h(
      'div',
      { class: 'transport', role: 'group', 'aria-label': words().ui.playback, hidden: true },
      h('button', { class: 'step', title: words().ui.stepBackTitle, onclick: () => this.send({ type: 'STEP_BACK' }) }, words().ui.stepBack),
      this.toggle,
      h('button', { class: 'step', title: words().ui.stepTitle, onclick: () => this.send({ type: 'STEP' }) }, words().ui.step),
      h('div', { class: 'scrub' }, this.marks, this.slider),
      this.time,
      h('label', { class: 'speed' }, `${words().ui.speed} `, this.speed),
    );
  }

  /** Shown while a run plays or is paused; `view` arrives once the run is worked out. */
  render(running: boolean, paused: boolean, speed: number, view: RunView | undefined): void {
    this.el.hidden = !running;
    this.paused = paused;
    this.label();
    this.speed.value = String(speed);
    if (view === this.view) return;
    this.view = view;
    this.slider.disabled = !view;
    this.shownSecond = NaN;
    if (!view) {
      fill(this.marks);
      return;
    }
    const length = Math.round(view.pacing.lengthMs);
    this.slider.max = String(length);
    this.slider.step = 'any';
    this.drawMarks(view);
    this.update();
  }

  /** It says what it will do: Resume while paused, Play again once a finished run stands at its end, else Pause. */
  private label(): void {
    const words_ = words().a11y;
    const text = !this.paused ? words_.pause : this.view?.finished() ? words_.playAgain : words_.resume;
    if (this.toggle.textContent !== text) this.toggle.textContent = text;
  }

  /** Follow the playhead (every frame). */
  update(): void {
    const view = this.view;
    if (!view || this.el.hidden) return;
    this.label();
    if (!this.dragging) this.slider.value = String(Math.round(view.position()));
    const now = view.now();
    const second = Math.floor(now / 1000);
    if (second === this.shownSecond) return;
    this.shownSecond = second;
    const clock = formatClock(now);
    this.time.value = clock;
    this.slider.setAttribute('aria-valuetext', say(words().ui.timelineValue, { clock, now: formatDuration(now), end: formatDuration(view.endMs) }));
  }

  private key(e: KeyboardEvent): void {
    const view = this.view;
    if (!view) return;
    const length = view.pacing.lengthMs;
    const moves: Record<string, number> = { ArrowRight: 0.01, ArrowUp: 0.01, ArrowLeft: -0.01, ArrowDown: -0.01, PageUp: 0.1, PageDown: -0.1 };
    let to: number | undefined;
    if (e.key in moves) to = view.position() + moves[e.key] * length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = length;
    if (to === undefined) return;
    e.preventDefault();
    to = Math.max(0, Math.min(length, to));
    this.slider.value = String(Math.round(to));
    this.send({ type: 'SEEK', position: to });
  }

  /** One mark per moment, placed along the playback; moments that fall on one spot share a mark, a failure first. */
  private drawMarks(view: RunView): void {
    const length = view.pacing.lengthMs || 1;
    const spots = new Map<number, string>();
    const rank = { failure: 3, change: 2, learned: 1 } as Record<string, number>;
    for (const m of view.pacing.moments) {
      const spot = Math.round((m.at / length) * 200);
      const kind = m.kind === 'change' && m.neverLearned ? 'failure' : markClass[m.kind];
      if ((rank[spots.get(spot) ?? ''] ?? 0) < rank[kind]) spots.set(spot, kind);
    }
    fill(this.marks, ...[...spots].map(([spot, kind]) => h('span', { class: `scrub-mark ${kind}`, style: `left: ${spot / 2}%` })));
  }
}
