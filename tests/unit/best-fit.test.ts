import { describe, expect, it } from 'vitest';
import { bestFit, bestFitMetric, type FitRun } from '../../src/content/best-fit.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { Metrics } from '../../src/sim/metrics.ts';
import { levels, run } from './helpers.ts';

function fitRun(pattern: PatternName, passed: boolean, measured: Partial<Metrics>): FitRun {
  return { pattern, verdict: { stars: passed ? 3 : 1, passed }, metrics: { bytes: 0, messages: 0, ...measured } as Metrics };
}

describe('the better fit of two patterns that both met every goal', () => {
  it('is the one that measured less of the level’s metric, with every passing pattern ranked', () => {
    const fit = bestFit({ bestFit: 'bytes' }, [fitRun('sse', true, { bytes: 5619 }), fitRun('websocket', true, { bytes: 5262 })]);
    expect(fit).toEqual({
      metric: 'bytes',
      ranked: [
        { pattern: 'websocket', measured: 5262 },
        { pattern: 'sse', measured: 5619 },
      ],
      tie: false,
    });
  });

  it('follows the metric the level names, so the same runs can rank the other way', () => {
    const runs = [fitRun('polling', true, { bytes: 9000, messages: 10 }), fitRun('webhook', true, { bytes: 1000, messages: 40 })];
    expect(bestFit({ bestFit: 'bytes' }, runs)?.ranked[0].pattern).toBe('webhook');
    expect(bestFit({ bestFit: 'messages' }, runs)?.ranked[0].pattern).toBe('polling');
  });

  it('is measured in bytes when the level names no metric', () => {
    expect(bestFitMetric({})).toBe('bytes');
    const runs = [fitRun('polling', true, { bytes: 9000, messages: 10 }), fitRun('webhook', true, { bytes: 1000, messages: 40 })];
    expect(bestFit({}, runs)?.ranked[0].pattern).toBe('webhook');
  });

  it('counts only runs that met every goal, and a pattern by its least', () => {
    const runs = [
      fitRun('polling', false, { bytes: 10 }),
      fitRun('websocket', true, { bytes: 700 }),
      fitRun('websocket', true, { bytes: 500 }),
      fitRun('sse', true, { bytes: 600 }),
    ];
    expect(bestFit({}, runs)?.ranked).toEqual([
      { pattern: 'websocket', measured: 500 },
      { pattern: 'sse', measured: 600 },
    ]);
  });

  it('names nothing until two patterns have met every goal', () => {
    expect(bestFit({}, [])).toBeUndefined();
    expect(bestFit({}, [fitRun('websocket', true, { bytes: 1 }), fitRun('websocket', true, { bytes: 2 }), fitRun('sse', false, { bytes: 0 })])).toBeUndefined();
  });

  it('calls an exact draw a tie', () => {
    expect(bestFit({}, [fitRun('websocket', true, { bytes: 5 }), fitRun('sse', true, { bytes: 5 })])?.tie).toBe(true);
    expect(bestFit({}, [fitRun('websocket', true, { bytes: 5 }), fitRun('sse', true, { bytes: 6 })])?.tie).toBe(false);
  });
});

describe('levels where two patterns pass', () => {
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  const twoPass = levels.filter((l) => Object.values(l.expected ?? {}).filter((runs) => runs.some((r) => r.passed && !r.params)).length >= 2);

  it('are the ones the field guide answers with two patterns', () => {
    expect(twoPass.map((l) => l.id).sort()).toEqual(['ai-answer', 'exchange-rate', 'live-ticker']);
  });

  for (const level of twoPass) {
    it(`${level.id} names its measurement, and it names the same better fit on seeds 1 to 20, never by a draw`, async () => {
      expect(level.bestFit, 'the level names the metric that tells its passing patterns apart').toBeDefined();
      const passing = Object.entries(level.expected!)
        .filter(([, runs]) => runs.some((r) => r.passed && !r.params))
        .map(([pattern]) => pattern as PatternName);
      const winners = new Set<PatternName>();
      for (const seed of seeds) {
        const runs = [];
        for (const pattern of passing) runs.push(await run(level, pattern, {}, seed));
        const fit = bestFit(level, runs);
        expect(fit, `seed ${seed}`).toBeDefined();
        expect(fit!.tie, `seed ${seed}`).toBe(false);
        winners.add(fit!.ranked[0].pattern);
      }
      expect([...winners]).toHaveLength(1);
    });
  }
});
