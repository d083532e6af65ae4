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
    const partly = parseProgress('{"version":2,"levels":{"a":{"stars":7,"patterns":["webhook",3],"runs":4},"b":"junk"}}');
    expect(partly.damaged).toBe(true);
    expect(partly.data.levels).toEqual({ a: { stars: 3, patterns: ['webhook'], runs: 4, passed: true } });

    const store = memoryStore();
    store.set(PROGRESS_KEY, '{not json');
    const progress = createProgress(store);
    expect(progress.stars('a')).toBe(0);
    expect(store.get(`${PROGRESS_KEY}:damaged`)).toBe('{not json');
  });

  it('migrates the first format, which had no run count', () => {
    const v1 = parseProgress('{"version":1,"levels":{"wheres-my-package":{"stars":2,"patterns":["polling","webhook"]}}}');
    expect(v1.damaged).toBe(false);
    expect(v1.data).toEqual({ version: 2, levels: { 'wheres-my-package': { stars: 2, patterns: ['polling', 'webhook'], runs: 2, passed: false } } });
  });

  it('keeps whether a level was passed; a value saved before that was known counts three stars as passed', () => {
    const old = parseProgress('{"version":2,"levels":{"a":{"stars":3,"patterns":[],"runs":1},"b":{"stars":2,"patterns":[],"runs":1}}}');
    expect(old.damaged).toBe(false);
    expect([old.data.levels.a.passed, old.data.levels.b.passed]).toEqual([true, false]);
    const store = memoryStore();
    const progress = createProgress(store);
    progress.record('c', 'webhook', 2, true);
    progress.record('c', 'polling', 1, false);
    progress.record('d', 'polling', 3, false);
    const again = createProgress(store).data().levels;
    expect([again.c.passed, again.d.passed]).toEqual([true, false]);
    const code = createProgress(store).exportCode();
    const elsewhere = createProgress(memoryStore());
    elsewhere.importCode(code);
    expect([elsewhere.data().levels.c.passed, elsewhere.data().levels.d.passed]).toEqual([true, false]);
  });

  it('copies out as a short code and reads back in; a bad code changes nothing', () => {
    const a = createProgress(memoryStore());
    a.record('wheres-my-package', 'webhook', 3);
    a.record('profile-page', 'polling', 2);
    const code = a.exportCode();
    expect(code).toMatch(/^PoP2\.[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(200);
    const b = createProgress(memoryStore());
    expect(b.importCode('not a code')).toBe(false);
    expect(b.importCode(code)).toBe(true);
    expect(b.stars('wheres-my-package')).toBe(3);
    expect(b.stars('profile-page')).toBe(2);
    b.reset();
    expect(b.stars('wheres-my-package')).toBe(0);
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
