import type { PatternName } from '../content/patterns.ts';
import { words } from '../content/text/index.ts';
import type { LevelContext } from '../flow/level-machine.ts';
import { h } from './dom.ts';
import { withPatternColour } from './pattern-colour.ts';
import './compare-buttons.css';
import { say } from '../content/present.ts';
/** The debrief's "Compare with…" buttons: one for each other pattern the level offers. */
export function compareButtons(ctx: LevelContext, compare: (pattern: PatternName) => void): HTMLElement | false {
  const others = ctx.level.patterns.offered.filter((p) => p !== ctx.result?.pattern);
  return (
    others.length > 0 &&
    h(
      'div',
      { class: 'compare-with', role: 'group', 'aria-label': words().ui.replaySideBySide },
      h('p', {}, h('strong', {}, words().ui.seeBeside), words().ui.seeBesideWhy),
      ...others.map((p) =>
        withPatternColour(h('button', { class: 'swatch-button', onclick: () => compare(p) }, say(words().ui.compareWith, { pattern: words().patterns[p] })), p),
      ),
    )
  );
}
