import { patternRegistry, type PatternName } from '../content/pattern-registry.ts';

/** The custom property that carries a pattern's colour from the registry to styles.css, which names no pattern. */
export const patternColourProperty = '--pattern-colour';

/** Give an element its pattern's colour (set through the CSSOM, which a strict style-src policy allows). */
export function withPatternColour<E extends HTMLElement>(el: E, pattern: PatternName): E {
  el.style.setProperty(patternColourProperty, patternRegistry[pattern].colour);
  return el;
}
