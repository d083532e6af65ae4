import type { GameActor, GameEvent, PageScreen } from '../flow/game-machine.ts';

/**
 * Every screen has an address: the title screen is the game's own address, the level list adds
 * `screen=levels`, the field guide `screen=guide`, a level `level=<id>`, the playground `screen=playground` with its
 * world in `world=` (src/content/playground.ts; the playground's world played as a level keeps that address). Every other URL parameter
 * (seed, speed, embed, lang, parentOrigin) is kept as it is.
 */
export type Route = { screen: Exclude<PageScreen, 'playground'> } | { screen: 'playground'; world?: string } | { screen: 'level'; level: string };

export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const level = params.get('level')?.trim();
  if (level) return { screen: 'level', level };
  const screen = params.get('screen');
  if (screen === 'playground') {
    const world = params.get('world')?.trim();
    return world ? { screen, world } : { screen };
  }
  return screen === 'levels' || screen === 'guide' ? { screen } : { screen: 'title' };
}

/** The query string of `route`, keeping the other parameters of `search`. */
export function searchFor(route: Route, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('level');
  params.delete('screen');
  params.delete('world');
  if (route.screen === 'level') params.set('level', route.level);
  else if (route.screen !== 'title') params.set('screen', route.screen);
  if (route.screen === 'playground' && route.world) params.set('world', route.world);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function routeOf(snapshot: ReturnType<GameActor['getSnapshot']>): Route {
  const { levelId, world, fromWorld } = snapshot.context;
  if (snapshot.matches('playground') || (snapshot.matches('level') && fromWorld)) return world ? { screen: 'playground', world } : { screen: 'playground' };
  if ((snapshot.matches('level') || snapshot.matches('opening')) && levelId) return { screen: 'level', level: levelId };
  if (snapshot.matches('levels')) return { screen: 'levels' };
  if (snapshot.matches('guide')) return { screen: 'guide' };
  return { screen: 'title' };
}

/** The same screen (a playground's world aside: changing it is not a new screen). */
export const sameScreen = (a: Route, b: Route): boolean => a.screen === b.screen && (a.screen !== 'level' || (b.screen === 'level' && a.level === b.level));

export const sameRoute = (a: Route, b: Route): boolean => sameScreen(a, b) && (a.screen !== 'playground' || (b.screen === 'playground' && a.world === b.world));

/** The game event that shows `route`. */
export function eventFor(route: Route): GameEvent {
  if (route.screen === 'level') return { type: 'OPEN', id: route.level };
  if (route.screen === 'playground') return { type: 'PLAYGROUND', world: route.world };
  return { type: route.screen === 'levels' ? 'LEVELS' : route.screen === 'guide' ? 'GUIDE' : 'TITLE' };
}

/** A route read back from a history entry's state, or undefined when the value is not one. */
export function asRoute(value: unknown): Route | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { screen, level, world } = value as { screen?: unknown; level?: unknown; world?: unknown };
  if (screen === 'level') return typeof level === 'string' && level !== '' ? { screen, level } : undefined;
  if (screen === 'playground') return typeof world === 'string' && world !== '' ? { screen, world } : { screen };
  return screen === 'title' || screen === 'levels' || screen === 'guide' ? { screen } : undefined;
}
