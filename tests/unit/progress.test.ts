import { describe, expect, it } from 'vitest';
import { createProgress, parseProgress, PROGRESS_KEY } from '../../src/app/progress.ts';
import { browserStore, memoryStore } from '../../src/app/storage.ts';

describe('saved progress', () => {
  it('survives a round trip and keeps the best stars', () => {
    const store = memoryStore();
    const first = createProgress(store);
    first.record('wheres-my-package', 'polling', 2);
    first.record('wheres-my-package', 'webhook', 3);
    first.record('wheres-my-package', 'plain-request', 1);
    const again = createProgress(store);
    expect(again.stars('wheres-my-package')).toBe(3);
    expect(again.data().levels['wheres-my-package'].patterns).toEqual(['polling', 'webhook', 'plain-request']);
  });

  it('recovers from a corrupted value, keeps a copy of it, and keeps what can be read', () => {
    expect(parseProgress('{not json').damaged).toBe(true);
    expect(parseProgress('{"version":99,"levels":{}}').damaged).toBe(true);
    const partly = parseProgress('{"version":1,"levels":{"a":{"stars":7,"patterns":["webhook",3]},"b":"junk"}}');
    expect(partly.damaged).toBe(true);
    expect(partly.data.levels).toEqual({ a: { stars: 3, patterns: ['webhook'] } });

    const store = memoryStore();
    store.set(PROGRESS_KEY, '{not json');
    const progress = createProgress(store);
    expect(progress.stars('a')).toBe(0);
    expect(store.get(`${PROGRESS_KEY}:damaged`)).toBe('{not json');
  });

  it('plays on without saving when the browser refuses storage', () => {
    const refused = browserStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(refused.persistent).toBe(false);
    const progress = createProgress(refused);
    expect(progress.saving).toBe(false);
    progress.record('x', 'webhook', 3);
    expect(progress.stars('x')).toBe(3);
  });

  it('keeps going when a write fails (quota)', () => {
    const data = new Map<string, string>();
    let full = false;
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    } as Storage;
    const store = browserStore(() => storage);
    full = true;
    expect(store.set('k', 'v')).toBe(false);
    expect(store.get('k')).toBe('v');
  });
});
