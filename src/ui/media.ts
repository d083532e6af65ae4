/** What the player's device and settings ask of the level screen. */

/** The player asked their system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A narrow screen: the stage is laid out for its width, the briefing comes first. A phone held upright, and
 * outside an embed any screen of one column (a tablet, 1000 CSS px or less): there the 960-pixel wide stage
 * would be shown smaller than it is drawn, and its 12 px text under 12 CSS px. An embedded game keeps the
 * wide stage beside its panel down to a phone's width.
 */
export function isNarrow(embed = false): boolean {
  return typeof matchMedia === 'function' && matchMedia(`(max-width: ${embed ? 640 : 1000}px)`).matches;
}
