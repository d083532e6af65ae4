import { isLanguage, type Language } from '../content/text/index.ts';
import { speeds } from '../flow/run-protocol.ts';
import type { KeyValueStore } from './storage.ts';

/**
 * The player's settings that outlast a visit: the playback speed and the language chosen with the top bar's
 * switch. Kept apart from progress (which travels as a code between sites); a value that is not an offered speed,
 * or not a language of the game, is ignored. When the browser refuses storage the store keeps it in memory, and
 * the game plays on.
 */
export const SPEED_KEY = 'push-or-poll:speed';
export const LANGUAGE_KEY = 'push-or-poll:lang';

export interface Preferences {
  speed(): number | undefined;
  setSpeed(speed: number): void;
  language(): Language | undefined;
  setLanguage(lang: Language): void;
}

export function createPreferences(store: KeyValueStore): Preferences {
  return {
    speed() {
      const saved = Number(store.get(SPEED_KEY));
      return (speeds as readonly number[]).includes(saved) ? saved : undefined;
    },
    setSpeed(speed) {
      if ((speeds as readonly number[]).includes(speed)) store.set(SPEED_KEY, String(speed));
    },
    language() {
      const saved = store.get(LANGUAGE_KEY);
      return saved !== null && isLanguage(saved) ? saved : undefined;
    },
    setLanguage(lang) {
      if (isLanguage(lang)) store.set(LANGUAGE_KEY, lang);
    },
  };
}
