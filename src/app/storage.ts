/**
 * Storage that may be refused: a cross-origin iframe with blocked third-party storage throws on
 * any touch of localStorage, a sandboxed one too, and a full quota throws on write. Every access
 * is guarded; when storage is refused the game keeps its data in memory and says it is not saving.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
  readonly persistent: boolean;
}

export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => (data.set(key, value), true),
    remove: (key) => void data.delete(key),
    persistent: false,
  };
}

export function browserStore(getStorage: () => Storage = () => window.localStorage): KeyValueStore {
  let storage: Storage;
  try {
    storage = getStorage();
    const probe = '__push-or-poll-probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch {
    return memoryStore();
  }
  const fallback = memoryStore();
  return {
    get: (key) => {
      try {
        return storage.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value);
        return true;
      } catch {
        return fallback.set(key, value) && false;
      }
    },
    remove: (key) => {
      try {
        storage.removeItem(key);
      } catch {
        fallback.remove(key);
      }
    },
    persistent: true,
  };
}
