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

function replace(target: object, name: string, descriptor: PropertyDescriptor): void {
  try {
    Object.defineProperty(target, name, { configurable: true, ...descriptor });
  } catch {
    // Not replaceable here; msw will report what it cannot reach, and the run says so.
  }
}

export function guardStorage(win: Window & typeof globalThis = window): void {
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
}
