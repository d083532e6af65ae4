import { levelText, say } from '../content/present.ts';
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
  const board = h('dl', { class: 'board', 'aria-label': words().ui.measuredSoFar });
  const help = !ctx.view ? words().ui.workingHelp : paused ? words().ui.pausedHelp : words().ui.playingHelp;
  const el = h(
    'section',
    { class: 'panel-body', 'aria-labelledby': 'panel-heading' },
    h('p', { class: 'eyebrow' }, text.title),
    h('h2', { id: 'panel-heading', tabindex: -1 }, say(words().ui.running, { pattern: ctx.pattern ? words().patterns[ctx.pattern] : '' })),
    h('p', { class: 'help' }, help),
    // While the run is worked out (a long world may take a second or two), something visibly moves.
    !ctx.view && h('progress', { class: 'working', 'aria-label': words().ui.workingOut }),
    h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': words().ui.runControls },
      h('button', { onclick: () => on.control({ type: 'SKIP' }) }, words().ui.skipToEnd),
      h('button', { class: 'quiet', onclick: on.stop }, words().ui.stop),
    ),
    h('h3', {}, words().ui.measuredSoFar),
    board,
  );
  return { el, board };
}
