import { describe, expect, it } from 'vitest';
import { bestFit } from '../../src/content/best-fit.ts';
import { defenceOn } from '../../src/content/pattern-registry.ts';
import { defaultWorld, worldToLevel, type World } from '../../src/content/playground.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { RunResult } from '../../src/flow/run-protocol.ts';
import { run } from './helpers.ts';

/**
 * Worlds experts know, set up as a newcomer would in the playground, and what an expert would advise: a chat for
 * 10,000 users wants a WebSocket; a payment provider telling a shop wants a webhook (verified); a daily batch job asks
 * once (tests/unit/playground-script.test.ts). The verdicts are measured on seed 1; nothing here is an answer key.
 */

async function runWorld(world: World) {
  const made = worldToLevel(world);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  const runs: RunResult[] = [];
  for (const pattern of made.level.patterns.offered as PatternName[]) runs.push(await run(made.level, pattern));
  return { level: made.level, runs, fit: bestFit(made.level, runs) };
}

describe('worlds experts know', () => {
  it('a chat for 10,000 users: a WebSocket fits best, by a clear margin over an event stream with a POST for each message', async () => {
    const { runs, fit } = await runWorld({
      ...defaultWorld,
      side: 'browsers',
      clients: 10_000,
      flow: 'both',
      changes: { everyMs: 2000, rhythm: 'random' },
      goals: { freshMs: 1000, noLostEvents: true },
    });
    expect(fit?.tie).toBe(false);
    expect(fit?.best.map((f) => f.pattern)).toEqual(['websocket']);
    expect(runs.find((r) => r.pattern === 'webhook')!.verdict.passed, 'no webhook reaches a browser').toBe(false);
    expect(runs.find((r) => r.pattern === 'polling')!.verdict.passed).toBe(false);
  });

  it('a payment provider telling a shop: the webhook fits best, and it checks every delivery', async () => {
    const { runs, fit } = await runWorld({
      ...defaultWorld,
      changes: { everyMs: 30 * 60_000, rhythm: 'random' },
      offers: { conditionalRequests: false, webhooks: true, websocket: false },
      goals: { freshMs: 10_000, noLostEvents: true },
    });
    expect(fit?.best.map((f) => f.pattern)).toEqual(['webhook']);
    const hook = runs.find((r) => r.pattern === 'webhook')!;
    // The world offers no choice of defences, so its receiver does what a careful one does: it verifies each signature.
    expect(defenceOn('webhook', hook.params, 'verify')).toBe(true);
    expect(hook.metrics.deliveries).toBe(hook.metrics.events);
  });
});
