import type { PageScreen } from '../flow/game-machine.ts';
import { speeds } from '../flow/run-protocol.ts';
import { readParentOrigin } from './embed/protocol.ts';
import { routeFromSearch } from './routes.ts';

/** The URL parameters (README, "Hosting and embedding"): level=<id>, screen=levels|guide, seed=<n>, speed=<x>, embed=1, parentOrigin=<origin>. */
export interface MountOptions {
  level?: string;
  /** The screen to start on when no level is named (./routes.ts). */
  screen?: PageScreen;
  seed?: number;
  speed?: number;
  embed?: boolean;
  /** The host page's origin: the game's messages go there only, and its commands are taken from there only. */
  parentOrigin?: string;
  /** What was wrong with the parameters, for the console (a parameter that is not valid is ignored). */
  warnings?: string[];
}

/** The offered speed closest to the one asked for (speed=3 plays at 2x). */
export function nearestSpeed(speed: number): number {
  return speeds.reduce((best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best), speeds[0] as number);
}

export function optionsFromUrl(search: string): MountOptions {
  const params = new URLSearchParams(search);
  const seed = Number(params.get('seed'));
  const speed = Number(params.get('speed'));
  const route = routeFromSearch(search);
  const parent = readParentOrigin(params.get('parentOrigin'));
  return {
    level: route.screen === 'level' ? route.level : undefined,
    screen: route.screen === 'level' || route.screen === 'title' ? undefined : route.screen,
    seed: params.has('seed') && Number.isInteger(seed) ? seed : undefined,
    speed: params.has('speed') && speed > 0 ? nearestSpeed(speed) : undefined,
    embed: params.get('embed') === '1',
    parentOrigin: parent.origin,
    warnings: parent.warning ? [parent.warning] : undefined,
  };
}
