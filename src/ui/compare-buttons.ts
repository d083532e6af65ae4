import type { PatternName } from '../content/patterns.ts';
import { words } from '../content/text/index.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import { h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import './compare-buttons.css';
/** The debrief's "Compare with…" buttons: one for each other pattern the level offers. */
export function compareButtons(ctx: LevelContext, compare: (pattern: PatternName) => void): HTMLElement | false {
  const others = ctx.level.patterns.offered.filter((p) => p !== ctx.result?.pattern);
  return (
    others.length > 0 &&
    h(
      'div',
      { class: 'compare-with', role: 'group', 'aria-label': 'Replay side by side' },
      h('p', {}, h('strong', {}, 'See it beside another pattern: '), 'the same world and seed, both on one timeline.'),
      ...others.map((p) => withPatternColour(h('button', { class: 'swatch-button', onclick: () => compare(p) }, `Compare with ${words().patterns[p]}`), p)),
    )
  );
}
