import { levelText } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import type { ControlEvent } from '../flow/run-protocol.ts';
import { h } from './dom.ts';

export interface ControlHandlers {
  control(event: ControlEvent): void;
  stop(): void;
}

/**
 * The panel beside the stage while a run plays: what runs, skip or stop, and a board of the goals'
 * numbers as they stood at the playhead. The playback controls are under the stage (./transport-bar.ts).
 */
export function controlsPanel(ctx: LevelContext, paused: boolean, on: ControlHandlers): { el: HTMLElement; board: HTMLElement } {
  const text = levelText(ctx.level);
  const board = h('dl', { class: 'board', 'aria-label': 'Measured so far' });
  const help = !ctx.view
    ? 'Working out the run: every message, as the code sends it. It plays in a moment.'
    : paused
      ? 'Paused. Step moves to the next message on the wire, Step back to the one before; or drag the timeline.'
      : 'Quiet stretches with nothing on the wire pass quickly; messages, and the moments that decide the goals, play slowly.';
  const el = h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, text.title),
    h('h2', { id: 'panel-heading', tabindex: -1 }, `Running: ${ctx.pattern ? words().patterns[ctx.pattern] : ''}`),
    h('p', { class: 'help' }, help),
    // While the run is worked out (a long world may take a second or two), something visibly moves.
    !ctx.view && h('progress', { class: 'working', 'aria-label': 'Working out the run' }),
    h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': 'Run controls' },
      h('button', { onclick: () => on.control({ type: 'SKIP' }) }, 'Skip to end'),
      h('button', { class: 'quiet', onclick: on.stop }, 'Stop'),
    ),
    h('h3', {}, 'Measured so far'),
    board,
  );
  return { el, board };
}
