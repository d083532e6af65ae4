import { speeds } from '../flow/run-protocol.ts';
import type { KeyValueStore } from './storage.ts';

/**
 * The player's settings that outlast a visit: for now the playback speed. Kept apart from progress
 * (which travels as a code between sites); a value that is not an offered speed is ignored. When the
 * browser refuses storage the store keeps it in memory, and the game plays on.
 */
export const SPEED_KEY = 'push-or-poll:speed';

export interface Preferences {
  speed(): number | undefined;
  setSpeed(speed: number): void;
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
  };
}
