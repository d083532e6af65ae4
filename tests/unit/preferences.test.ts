// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '../../src/app/mount.ts';
import { createPreferences, SPEED_KEY } from '../../src/app/preferences.ts';
import { browserStore, memoryStore } from '../../src/app/storage.ts';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';

const files = readLevelFiles();

describe('the playback speed outlasts a visit', () => {
  it('is saved, and read back only when it is a speed the game offers', () => {
    const store = memoryStore();
    const prefs = createPreferences(store);
    expect(prefs.speed()).toBeUndefined();
    prefs.setSpeed(5);
    expect(store.get(SPEED_KEY)).toBe('5');
    expect(createPreferences(store).speed()).toBe(5);
    prefs.setSpeed(3);
    expect(createPreferences(store).speed()).toBe(5);
    store.set(SPEED_KEY, 'fast');
    expect(createPreferences(store).speed()).toBeUndefined();
  });

  it('storage the browser refuses loses nothing but the saving', () => {
    const refusing = browserStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const prefs = createPreferences(refusing);
    expect(() => prefs.setSpeed(10)).not.toThrow();
    expect(prefs.speed()).toBe(10);
  });

  it('a game mounted again starts at the speed picked last, unless the address says another', () => {
    const store = memoryStore();
    const first = mount(document.createElement('div'), { store, files });
    first.game.send({ type: 'SPEED', speed: 10 });
    first.stop();
    expect(mount(document.createElement('div'), { store, files }).game.getSnapshot().context.speed).toBe(10);
    expect(mount(document.createElement('div'), { store, files, speed: 0.5 }).game.getSnapshot().context.speed).toBe(0.5);
  });
});
