import type { GameActor, GameEvent, PageScreen } from '../flow/game-machine.ts';

/**
 * Every screen has an address: the title screen is the game's own address, the level list adds
 * `screen=levels`, the field guide `screen=guide`, a level `level=<id>`, the playground `screen=playground` with its
 * world in `world=` (src/content/playground.ts), and its world played on the stage adds `play=1`: a screen of its own, so that Back
 * from it returns to the playground and its world. Every other URL parameter (seed, speed, embed, lang, parentOrigin) is kept as it is.
 */
export type Route = { screen: Exclude<PageScreen, 'playground'> } | { screen: 'playground'; world?: string; play?: true } | { screen: 'level'; level: string };

/** The playground's route: its world, and whether that world is played on the stage. */
const playground = (world: string | undefined, play: boolean): Route => ({
  screen: 'playground',
  ...(world ? { world } : {}),
  ...(world && play ? { play: true } : {}),
});

export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const level = params.get('level')?.trim();
  if (level) return { screen: 'level', level };
  const screen = params.get('screen');
  if (screen === 'playground') {
    return playground(params.get('world')?.trim(), params.get('play') === '1');
  }
  return screen === 'levels' || screen === 'guide' ? { screen } : { screen: 'title' };
}

/** The query string of `route`, keeping the other parameters of `search`. */
export function searchFor(route: Route, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('level');
  params.delete('screen');
  params.delete('world');
  params.delete('play');
  if (route.screen === 'level') params.set('level', route.level);
  else if (route.screen !== 'title') params.set('screen', route.screen);
  if (route.screen === 'playground' && route.world) params.set('world', route.world);
  if (route.screen === 'playground' && route.play) params.set('play', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function routeOf(snapshot: ReturnType<GameActor['getSnapshot']>): Route {
  const { levelId, world, fromWorld, playWorld } = snapshot.context;
  if (snapshot.matches('level') && fromWorld) return playground(world, true);
  if (snapshot.matches('playground')) return playground(world, playWorld === true);
  if ((snapshot.matches('level') || snapshot.matches('opening')) && levelId) return { screen: 'level', level: levelId };
  if (snapshot.matches('levels')) return { screen: 'levels' };
  if (snapshot.matches('guide')) return { screen: 'guide' };
  return { screen: 'title' };
}

/** The same screen (a playground's world aside: changing it is not a new screen; playing it on the stage is). */
export const sameScreen = (a: Route, b: Route): boolean =>
  a.screen === b.screen &&
  (a.screen !== 'level' || (b.screen === 'level' && a.level === b.level)) &&
  (a.screen !== 'playground' || (b.screen === 'playground' && a.play === b.play));

export const sameRoute = (a: Route, b: Route): boolean => sameScreen(a, b) && (a.screen !== 'playground' || (b.screen === 'playground' && a.world === b.world));

/** The game event that shows `route`. */
export function eventFor(route: Route): GameEvent {
  if (route.screen === 'level') return { type: 'OPEN', id: route.level };
  if (route.screen === 'playground') return { type: 'PLAYGROUND', world: route.world, ...(route.play ? { play: true } : {}) };
  return { type: route.screen === 'levels' ? 'LEVELS' : route.screen === 'guide' ? 'GUIDE' : 'TITLE' };
}

/** A route read back from a history entry's state, or undefined when the value is not one. */
export function asRoute(value: unknown): Route | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { screen, level, world, play } = value as { screen?: unknown; level?: unknown; world?: unknown; play?: unknown };
  if (screen === 'level') return typeof level === 'string' && level !== '' ? { screen, level } : undefined;
  if (screen === 'playground') return playground(typeof world === 'string' ? world : undefined, play === true);
  return screen === 'title' || screen === 'levels' || screen === 'guide' ? { screen } : undefined;
}
