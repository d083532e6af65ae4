import { describe, expect, it } from 'vitest';
import type { PatternName } from '../../src/content/patterns.ts';
import { traceFingerprint } from '../../src/sim/trace.ts';
import { catalog, level, levels, run } from './helpers.ts';

describe('level files', () => {
  it('all load without problems', () => {
    expect(catalog.errors).toEqual([]);
    expect(levels.map((l) => l.id)).toContain('wheres-my-package');
  });
});

describe('level replays: every level, every offered pattern, the verdicts its author expects', () => {
  for (const lvl of levels) {
    for (const pattern of lvl.patterns.offered) {
      for (const expected of lvl.expected?.[pattern] ?? []) {
        const params = expected.params ?? {};
        it(`${lvl.id} / ${pattern} ${JSON.stringify(params)}: ${expected.stars} stars, ${expected.passed ? 'passed' : 'not passed'}`, async () => {
          const result = await run(lvl, pattern, params);
          expect(result.verdict).toEqual({ stars: expected.stars, passed: expected.passed });
          // The level's point is chosen so that a run which learned of nothing cannot meet it by doing nothing.
          const { events, lostEvents } = result.metrics;
          if (events > 0 && lostEvents === events) expect(result.verdict.stars, 'a run that learned of no change earns no star').toBe(0);
        });
      }
    }
    it(`${lvl.id}: the author expects a verdict for every offered pattern`, () => {
      for (const pattern of lvl.patterns.offered) expect(lvl.expected?.[pattern]?.length, pattern).toBeGreaterThan(0);
    });
  }
});

describe('determinism', () => {
  for (const lvl of levels) {
    for (const pattern of lvl.patterns.offered as PatternName[]) {
      it(`${lvl.id} / ${pattern}: one seed, two runs, the same trace`, async () => {
        const a = await run(lvl, pattern, {}, 7);
        const b = await run(lvl, pattern, {}, 7);
        expect(traceFingerprint(b.trace)).toBe(traceFingerprint(a.trace));
        expect(a.trace.length).toBeGreaterThan(0);
      });
    }
  }

  it('another seed moves the latencies, not the story', async () => {
    const lvl = level('wheres-my-package');
    const a = await run(lvl, 'webhook', {}, 1);
    const b = await run(lvl, 'webhook', {}, 2);
    expect(traceFingerprint(b.trace)).not.toBe(traceFingerprint(a.trace));
    expect(b.metrics.deliveries).toBe(a.metrics.deliveries);
  });
});
