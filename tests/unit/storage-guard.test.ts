import { describe, expect, it } from 'vitest';
import { guardStorage } from '../../src/net/storage-guard.ts';

/** A window as far as guardStorage reads it, with the IndexedDB the test gives. */
function fakeWindow(indexedDB: unknown) {
  return { localStorage: { length: 0 }, document: { cookie: '' }, indexedDB, setTimeout, clearTimeout } as unknown as Window & typeof globalThis;
}

function request(outcome: 'success' | 'error') {
  const r: Record<string, unknown> = { result: { close() {} } };
  setTimeout(() => (outcome === 'success' ? (r.onsuccess as () => void)() : (r.onerror as (e: unknown) => void)({ preventDefault() {} })));
  return r;
}

// msw keeps WebSocket clients in IndexedDB whenever `indexedDB` is defined, and logs an error when
// the page refuses it; the guard hides a refused IndexedDB so that msw keeps them in memory.
describe('guardStorage and IndexedDB', () => {
  it('hides an IndexedDB whose open throws at once (a sandboxed iframe)', async () => {
    const win = fakeWindow({
      open() {
        throw new DOMException('access to the Indexed Database API is denied in this context', 'SecurityError');
      },
    });
    await guardStorage(win);
    expect(typeof win.indexedDB).toBe('undefined');
  });

  it('hides an IndexedDB whose open request fails (a cross-origin iframe with storage blocked)', async () => {
    const win = fakeWindow({ open: () => request('error') });
    await guardStorage(win);
    expect(typeof win.indexedDB).toBe('undefined');
  });

  it('leaves a working IndexedDB alone', async () => {
    const deleted: string[] = [];
    const idb = { open: () => request('success'), deleteDatabase: (name: string) => void deleted.push(name) };
    const win = fakeWindow(idb);
    await guardStorage(win);
    expect(win.indexedDB).toBe(idb);
    expect(deleted).toEqual(['push-or-poll-probe']);
  });
});
