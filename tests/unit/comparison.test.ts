import { describe, expect, it } from 'vitest';
import { startComparison } from '../../src/flow/comparison.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import type { RunConfig } from '../../src/run/session.ts';
import { handFrames, level, run } from './helpers.ts';

/** Animation frames by hand: `tick(ms)` runs the frame callback as if `ms` had passed. */
const lvl = level('wheres-my-package');

describe('side by side: two runs of one world on one playhead', () => {
  it('reuses the run already seen, works out the other, and shows both at the same virtual time', async () => {
    const seen = await run(lvl, 'polling', { intervalMs: 600_000 });
    const configs: RunConfig[] = [
      { level: lvl, pattern: 'polling' as const, params: { intervalMs: 600_000 }, seed: 1 },
      { level: lvl, pattern: 'webhook' as const, params: {}, seed: 1 },
    ];
    const working: number[] = [];
    const hand = handFrames();
    const comparison = await startComparison(configs, [seen], 1, (i) => working.push(i), hand.frames, nodeHost());
    expect(working).toEqual([1]);
    expect(comparison.runs[0].result).toBe(seen);
    const [a, b] = comparison.runs.map((r) => r.view);
    hand.tick(0);
    for (let i = 0; i < 40; i++) hand.tick(250);
    expect(a.now()).toBeGreaterThan(0);
    expect(a.now()).toBe(b.now());
    expect(a.position()).toBe(comparison.view.position());
    // Each stage calls out its own moments; the shared timeline marks them all.
    const own = (moments: readonly { seq: number; kind: string }[]) => moments.map((m) => `${m.kind}:${m.seq}`);
    expect(comparison.view.pacing.moments.length).toBe(a.pacing.moments.length + b.pacing.moments.length);
    expect(own(a.pacing.moments)).not.toEqual(own(b.pacing.moments));
    // To the end: each run's events all shown, on the one timeline.
    comparison.control({ type: 'SEEK', position: comparison.view.pacing.lengthMs });
    hand.tick(16);
    expect(a.shown()).toBe(a.events.length);
    expect(b.shown()).toBe(b.events.length);
    comparison.stop();
  });
});
