import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { subscriptionMachine } from '../../src/patterns/webhook-machine.ts';

describe('webhook subscription', () => {
  it('tries three times with backoff, counting attempts in context, then gives up', async () => {
    const tried: number[] = [];
    const clock = new SimulatedClock();
    const refusing = subscriptionMachine.provide({
      actors: { subscribe: fromPromise(async () => Promise.reject(new Error('HTTP 503'))) },
    });
    const actor = createActor(refusing, { clock, input: { api: 'https://api.test/subscribe', webhookUrl: 'https://app.test/hook' } });
    actor.subscribe((s) => s.matches('subscribing') && tried.push(s.context.attempts));
    actor.start();
    await Promise.resolve();
    for (const wait of [4000, 8000]) {
      await new Promise((r) => setTimeout(r, 0));
      expect(actor.getSnapshot().value).toBe('backingOff');
      clock.increment(wait);
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(actor.getSnapshot().value).toBe('refused');
    expect(tried).toEqual([1, 2, 3]);
  });
});
