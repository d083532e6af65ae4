import type { GameActor, GameEvent, PageScreen } from '../flow/game-machine.ts';

/**
 * Every screen has an address: the title screen is the game's own address, the level list adds
 * `screen=levels`, the field guide `screen=guide`, a level `level=<id>`. Every other URL parameter
 * (seed, speed, embed, lang, parentOrigin) is kept as it is.
 */
export type Route = { screen: PageScreen } | { screen: 'level'; level: string };

export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const level = params.get('level')?.trim();
  if (level) return { screen: 'level', level };
  const screen = params.get('screen');
  return screen === 'levels' || screen === 'guide' ? { screen } : { screen: 'title' };
}

/** The query string of `route`, keeping the other parameters of `search`. */
export function searchFor(route: Route, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('level');
  params.delete('screen');
  if (route.screen === 'level') params.set('level', route.level);
  else if (route.screen !== 'title') params.set('screen', route.screen);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function routeOf(snapshot: ReturnType<GameActor['getSnapshot']>): Route {
  if ((snapshot.matches('level') || snapshot.matches('opening')) && snapshot.context.levelId) return { screen: 'level', level: snapshot.context.levelId };
  if (snapshot.matches('levels')) return { screen: 'levels' };
  if (snapshot.matches('guide')) return { screen: 'guide' };
  return { screen: 'title' };
}

export const sameRoute = (a: Route, b: Route): boolean => a.screen === b.screen && (a.screen !== 'level' || (b.screen === 'level' && a.level === b.level));

/** The game event that shows `route`. */
export function eventFor(route: Route): GameEvent {
  if (route.screen === 'level') return { type: 'OPEN', id: route.level };
  return { type: route.screen === 'levels' ? 'LEVELS' : route.screen === 'guide' ? 'GUIDE' : 'TITLE' };
}

/** A route read back from a history entry's state, or undefined when the value is not one. */
export function asRoute(value: unknown): Route | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { screen, level } = value as { screen?: unknown; level?: unknown };
  if (screen === 'level') return typeof level === 'string' && level !== '' ? { screen, level } : undefined;
  return screen === 'title' || screen === 'levels' || screen === 'guide' ? { screen } : undefined;
}
