import type { PageScreen } from '../flow/game-machine.ts';
import { isLanguage, languages, type Language } from '../content/text/index.ts';
import { speeds } from '../flow/run-protocol.ts';
import { readParentOrigin } from './embed/protocol.ts';
import { routeFromSearch } from './routes.ts';

/** The URL parameters (README, "Hosting and embedding"): level=<id>, screen=levels|guide|playground, world=<encoded world> (play=1: played on the stage), seed=<n>, speed=<x>, embed=1, lang=<code>, parentOrigin=<origin>. */
export interface MountOptions {
  level?: string;
  /** The screen to start on when no level is named (./routes.ts). */
  screen?: PageScreen;
  /** The playground's world from `world=` (encoded as src/content/playground.ts encodes it). */
  world?: string;
  /** `play=1` with a world: play it on the stage as the playground opens. */
  playWorld?: boolean;
  seed?: number;
  speed?: number;
  embed?: boolean;
  /** lang=<code>, when the game speaks that language: it wins over the player's last choice and the browser's. */
  lang?: Language;
  /** The host page's origin: the game's messages go there only, and its commands are taken from there only. */
  parentOrigin?: string;
  /** What was wrong with the parameters, for the console (a parameter that is not valid is ignored). */
  warnings?: string[];
}

/** The offered speed closest to the one asked for (speed=3 plays at 2x). */
export function nearestSpeed(speed: number): number {
  return speeds.reduce((best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best), speeds[0] as number);
}

/** lang=<code>: the language of the words, one the game speaks (src/content/text/index.ts); any other is ignored. */
const languageWarning = (lang: string) =>
  `Push or Poll: lang=${JSON.stringify(lang)} is not a language of the game, which speaks ${languages.join(', ')}; it plays in the player's last choice, else the browser's language, else English.`;

export function optionsFromUrl(search: string): MountOptions {
  const params = new URLSearchParams(search);
  const seed = Number(params.get('seed'));
  const speed = Number(params.get('speed'));
  const route = routeFromSearch(search);
  const parent = readParentOrigin(params.get('parentOrigin'));
  const lang = params.get('lang');
  const warnings = [parent.warning, lang !== null && !isLanguage(lang) ? languageWarning(lang) : undefined].filter((w): w is string => w !== undefined);
  return {
    level: route.screen === 'level' ? route.level : undefined,
    screen: route.screen === 'level' || route.screen === 'title' ? undefined : route.screen,
    world: route.screen === 'playground' ? route.world : undefined,
    ...(route.screen === 'playground' && route.play ? { playWorld: true } : {}),
    seed: params.has('seed') && Number.isInteger(seed) ? seed : undefined,
    speed: params.has('speed') && speed > 0 ? nearestSpeed(speed) : undefined,
    embed: params.get('embed') === '1',
    ...(lang !== null && isLanguage(lang) ? { lang } : {}),
    parentOrigin: parent.origin,
    warnings: warnings.length ? warnings : undefined,
  };
}
