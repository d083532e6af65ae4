import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/clock.ts';

describe('VirtualClock', () => {
  it('fires timers in time order, ties in the order they were set, only when advanced', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    clock.setTimeout(() => fired.push('c@20'), 20);
    expect(fired).toEqual([]);
    await clock.advanceTo(15);
    expect(fired).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    await clock.advanceTo(20);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
  });

  it('cancels timers and reports the next one due', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const id = clock.setTimeout(() => fired.push(1), 5);
    clock.setTimeout(() => fired.push(2), 50);
    clock.clearTimeout(id);
    expect(clock.nextAt()).toBe(50);
    await clock.advanceTo(100);
    expect(fired).toEqual([2]);
    expect(clock.nextAt()).toBeUndefined();
  });

  it('lets promise chains started by a timer reach their next wait before time moves on', async () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1000);
        await Promise.resolve();
        await new Promise((r) => setImmediate(r));
        seen.push(clock.now());
      }
    };
    void loop();
    await clock.advanceTo(10_000);
    expect(seen).toEqual([1000, 2000, 3000]);
  });

  it('jumps a simulated day of timers without waiting for it', async () => {
    const clock = new VirtualClock();
    let ticks = 0;
    const tick = () => {
      ticks++;
      clock.setTimeout(tick, 60_000);
    };
    clock.setTimeout(tick, 60_000);
    const started = performance.now();
    await clock.advanceTo(86_400_000);
    expect(ticks).toBe(1440);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('stops early when asked after a timer', async () => {
    const clock = new VirtualClock();
    let count = 0;
    for (let i = 1; i <= 5; i++) clock.setTimeout(() => count++, i * 10);
    const stopped = await clock.advanceTo(100, () => count === 2);
    expect(stopped).toBe(true);
    expect(clock.now()).toBe(20);
  });

  it('drives XState delays as its Clock', async () => {
    const { createActor, createMachine } = await import('xstate');
    const clock = new VirtualClock();
    const machine = createMachine({ initial: 'a', states: { a: { after: { 5000: 'b' } }, b: {} } });
    const actor = createActor(machine, { clock }).start();
    await clock.advanceTo(4999);
    expect(actor.getSnapshot().value).toBe('a');
    await clock.advanceTo(5000);
    expect(actor.getSnapshot().value).toBe('b');
  });
});
