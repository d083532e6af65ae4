/**
 * msw reads localStorage when it loads (its cookie store) and document.cookie on every request.
 * In a cross-origin iframe whose storage is blocked, or a sandboxed one, both throw. Before msw
 * loads, replace whatever the page refuses with an in-memory stand-in, so the game plays on.
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

export function guardStorage(win: Window & typeof globalThis = window): void {
  try {
    void win.localStorage.length;
  } catch {
    Object.defineProperty(win, 'localStorage', { value: memoryStorage(), configurable: true });
  }
  try {
    void win.document.cookie;
  } catch {
    let jar = '';
    Object.defineProperty(win.document, 'cookie', {
      configurable: true,
      get: () => jar,
      set: (value: string) => {
        jar = jar ? `${jar}; ${value.split(';')[0]}` : value.split(';')[0];
      },
    });
  }
}
