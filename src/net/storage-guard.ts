/**
 * msw reads localStorage when it loads (its cookie store) and document.cookie on every request.
 * In a cross-origin iframe whose storage is blocked, or a sandboxed one, both throw. Before msw
 * loads, replace whatever the page refuses with an in-memory stand-in, so the game plays on.
 *
 * msw also keeps its WebSocket clients in IndexedDB whenever `indexedDB` exists (its
 * WebSocketClientManager picks WebSocketIndexedDBClientStore, else WebSocketMemoryClientStore).
 * A sandboxed iframe refuses IndexedDB at once (open throws), a cross-origin one with blocked
 * storage a moment later (the open request fails), and msw logs either as an error. So probe it
 * once, and when it is refused hide `indexedDB`: msw then keeps its clients in memory.
 */

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

function replace(target: object, name: string, descriptor: PropertyDescriptor): void {
  try {
    Object.defineProperty(target, name, { configurable: true, ...descriptor });
  } catch {
    // Not replaceable here; msw will report what it cannot reach, and the run says so.
  }
}

/** Whether this page may open an IndexedDB database: true, false, or no answer in time (false). */
function indexedDbUsable(win: Window & typeof globalThis): Promise<boolean> {
  return new Promise((resolve) => {
    const name = 'push-or-poll-probe';
    const timer = win.setTimeout(() => resolve(false), 2000);
    const done = (usable: boolean) => {
      win.clearTimeout(timer);
      resolve(usable);
    };
    try {
      const request = win.indexedDB.open(name);
      request.onsuccess = () => {
        request.result.close();
        win.indexedDB.deleteDatabase(name);
        done(true);
      };
      request.onerror = (event) => {
        event.preventDefault();
        done(false);
      };
    } catch {
      done(false);
    }
  });
}

const indexedDbChecked = new WeakMap<object, Promise<void>>();

function guardIndexedDb(win: Window & typeof globalThis): Promise<void> {
  try {
    if (typeof win.indexedDB === 'undefined') return Promise.resolve();
  } catch {
    replace(win, 'indexedDB', { value: undefined });
    return Promise.resolve();
  }
  let checked = indexedDbChecked.get(win);
  if (!checked) {
    checked = indexedDbUsable(win).then((usable) => {
      if (!usable) replace(win, 'indexedDB', { value: undefined });
    });
    indexedDbChecked.set(win, checked);
  }
  return checked;
}

/** Guard what msw touches; resolves once it is safe to load msw. */
export function guardStorage(win: Window & typeof globalThis = window): Promise<void> {
  try {
    void win.localStorage.length;
  } catch {
    replace(win, 'localStorage', { value: memoryStorage() });
  }
  try {
    void win.document.cookie;
  } catch {
    let jar = '';
    replace(win.document, 'cookie', {
      configurable: true,
      get: () => jar,
      set: (value: string) => {
        jar = jar ? `${jar}; ${value.split(';')[0]}` : value.split(';')[0];
      },
    });
  }
  return guardIndexedDb(win);
}
