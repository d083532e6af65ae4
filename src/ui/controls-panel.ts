import { levelText } from '../content/present.ts';
import { en } from '../content/text/en.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import { speeds, type ControlEvent } from '../flow/run-protocol.ts';
import { h } from './dom.ts';

export interface ControlHandlers {
  control(event: ControlEvent): void;
  stop(): void;
}

const speedLabel = (s: number) => `${s}×`;

/** Run controls, and a live board of the goals' numbers while the run plays. */
export function controlsPanel(ctx: LevelContext, paused: boolean, on: ControlHandlers): { el: HTMLElement; board: HTMLElement } {
  const text = levelText(ctx.level);
  const board = h('dl', { class: 'board', 'aria-label': 'Measured so far' });
  const el = h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, text.title),
    h('h2', { id: 'panel-heading', tabindex: -1 }, `Running: ${ctx.pattern ? en.patterns[ctx.pattern] : ''}`),
    h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': 'Run controls' },
      paused
        ? h('button', { class: 'primary', onclick: () => on.control({ type: 'RESUME' }) }, 'Run')
        : h('button', { class: 'primary', onclick: () => on.control({ type: 'PAUSE' }) }, 'Pause'),
      h('button', { disabled: !paused, title: 'Pause first, then step from message to message', onclick: () => on.control({ type: 'STEP' }) }, 'Step'),
      h(
        'label',
        { class: 'speed' },
        'Speed ',
        h(
          'select',
          { 'aria-label': 'Speed', onchange: (e: Event) => on.control({ type: 'SPEED', speed: Number((e.target as HTMLSelectElement).value) }) },
          ...speeds.map((s) => h('option', { value: s, selected: s === ctx.speed }, speedLabel(s))),
        ),
      ),
      h('button', { onclick: () => on.control({ type: 'SKIP' }) }, 'Skip to end'),
      h('button', { class: 'quiet', onclick: on.stop }, 'Stop'),
    ),
    h(
      'p',
      { class: 'help' },
      paused
        ? 'Paused. Step moves to the next message on the wire.'
        : 'Quiet stretches with nothing on the wire pass quickly; every message plays at the chosen speed.',
    ),
    h('h3', {}, 'Measured so far'),
    board,
  );
  return { el, board };
}
