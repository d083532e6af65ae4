/** What the player's device and settings ask of the level screen. */

/** The player asked their system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A narrow screen (a phone held upright): the stage is laid out for its width, the briefing comes first. */
export function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
}
