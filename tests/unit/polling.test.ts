import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { pollingMachine } from '../../src/patterns/polling-machine.ts';
import { retryAfterMs, type Poll } from '../../src/patterns/polling.ts';
import type { MarkEvent, PacketEvent } from '../../src/sim/trace.ts';
import { level, run } from './helpers.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('polling as careful engineers write it', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:45 GMT', now)).toBe(45_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBe(0);
  });

  it('waits a random part of the first interval, then the interval; after failures twice as long each time, at most 16 intervals', async () => {
    const clock = new SimulatedClock();
    const outcomes = [false, false, true, true, true, true, true, true, false];
    const polls: number[] = [];
    const machine = pollingMachine.provide({
      actors: {
        poll: fromPromise(async ({ input }: { input: { urls: string[]; etags: Record<string, string>; nowMs: number } }): Promise<Poll> => {
          polls.push(clock.now());
          return { etags: input.etags, updates: [], retryAfterMs: 0, failed: outcomes.shift() ?? false, done: [] };
        }),
      },
    });
    const actor = createActor(machine, { clock, input: { urls: ['https://api.example/x'], intervalMs: 1000, firstWaitMs: 300, now: () => clock.now() } });
    actor.start();
    // The waits between polls: jitter, the interval, then 2, 4, 8, 16 intervals after failures, capped, and back.
    const waits = [300, 1000, 2000, 4000, 8000, 16_000, 16_000, 16_000, 1000];
    for (const wait of waits) {
      await tick();
      clock.increment(wait);
    }
    await tick();
    expect(polls.slice(1).map((t, i) => t - polls[i])).toEqual(waits);
    actor.stop();
  });

  it('waits as long as a Retry-After says when that is longer than the interval', async () => {
    const clock = new SimulatedClock();
    const polls: number[] = [];
    const machine = pollingMachine.provide({
      actors: {
        poll: fromPromise(async ({ input }: { input: { urls: string[]; etags: Record<string, string>; nowMs: number } }): Promise<Poll> => {
          polls.push(clock.now());
          return { etags: input.etags, updates: [], retryAfterMs: polls.length === 2 ? 30_000 : 0, failed: false, done: [] };
        }),
      },
    });
    const actor = createActor(machine, { clock, input: { urls: ['https://api.example/x'], intervalMs: 1000, firstWaitMs: 1000, now: () => clock.now() } });
    actor.start();
    for (const wait of [1000, 30_000, 1000]) {
      await tick();
      clock.increment(wait);
    }
    await tick();
    expect(polls).toEqual([0, 1000, 31_000, 32_000]);
    actor.stop();
  });

  it('stops once the payment has succeeded: no request after the shop knows', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await run(level('payment-confirmed'), 'polling', { intervalMs: 30_000 }, seed);
      const known = r.trace.find((e): e is MarkEvent => e.type === 'mark' && e.kind === 'known' && e.eventId === 1)!;
      const after = r.trace.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'request' && e.t > known.t);
      expect(after, `seed ${seed}`).toEqual([]);
      expect(
        r.trace.some((e) => e.type === 'mark' && /polling stops/.test(e.label)),
        `seed ${seed}`,
      ).toBe(true);
    }
  });
});
