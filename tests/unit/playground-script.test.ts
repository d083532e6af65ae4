import { describe, expect, it } from 'vitest';
import { bestFit } from '../../src/content/best-fit.ts';
import { defaultWorld, scriptRuns, worldToLevel, type World } from '../../src/content/playground.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import { run } from './helpers.ts';

/**
 * A world whose app is a script that runs now and then: what it learns, it learns while it runs. Nothing here says
 * which pattern wins; the script's runs are in the level made of the world (`actors[].runs`), and the engine runs its
 * code only inside them (src/run/session.ts) and answers at its address only then (src/net/app-handlers.ts).
 */

const levelOf = (world: World) => {
  const made = worldToLevel(world);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.level;
};
/** Each pattern in turn (one network at a time). */
async function runAll(world: World, patterns: PatternName[]) {
  const level = levelOf(world);
  const runs = [];
  for (const pattern of patterns) runs.push(await run(level, pattern));
  return runs;
}
const fresh = (r: Awaited<ReturnType<typeof run>>) => r.goals.find((g) => g.id === 'fresh')!.met;

/** Once a day, something changes, steadily; the script runs once a day too, and must know within a minute. */
const daily: World = { ...defaultWorld, side: 'script', changes: { everyMs: 86_400_000, rhythm: 'steady' }, goals: { freshMs: 60_000, noLostEvents: true } };

describe('a script that runs now and then', () => {
  it('holds a socket or a stream only while it runs: a change made while it sleeps waits for its next run, whatever the pattern', async () => {
    const script = scriptRuns(daily)!;
    const level = levelOf(daily);
    const runs = Math.floor((level.world.durationMs - script.startMs) / script.everyMs) + 1;
    for (const r of await runAll(daily, ['websocket', 'sse', 'polling', 'plain-request'])) {
      expect(fresh(r), r.pattern).toBe(false);
      expect(r.metrics.stalenessMaxMs, r.pattern).toBeGreaterThan(script.everyMs / 2);
      expect(r.metrics.lostEvents, `${r.pattern}: learned at the next run`).toBe(0);
      expect(r.metrics.connectionMs, `${r.pattern}: connected only while it runs`).toBeLessThanOrEqual(runs * script.forMs);
    }
  });

  it('receives no webhook: nothing listens at its address, so the deliveries fail and the changes never arrive', async () => {
    const [hook] = await runAll(daily, ['webhook']);
    expect(hook.metrics.deliveries).toBeGreaterThan(0);
    expect(hook.metrics.failedDeliveries).toBe(hook.metrics.deliveries);
    expect(hook.metrics.lostEvents).toBe(hook.metrics.events);
  });

  it('the verdict follows how often it runs: run every minute, asking meets a two-minute freshness that a daily run misses', async () => {
    const world: World = { ...daily, changes: { everyMs: 10 * 60_000, rhythm: 'random' }, goals: { freshMs: 2 * 60_000, noLostEvents: true } };
    const [often] = await runAll({ ...world, runsEveryMs: 60_000 }, ['plain-request']);
    const [seldom] = await runAll({ ...world, runsEveryMs: 86_400_000 }, ['plain-request']);
    expect(often.verdict.passed).toBe(true);
    expect(seldom.verdict.passed).toBe(false);
  });

  it('a daily script that must know within a day fits asking once a run best (the field guide: poll occasionally), a socket less, a webhook not at all', async () => {
    const world: World = { ...daily, changes: { everyMs: 3_600_000, rhythm: 'random' }, goals: { freshMs: 86_400_000, noLostEvents: true } };
    const level = levelOf(world);
    const runs = await runAll(world, level.patterns.offered as PatternName[]);
    expect(runs.find((r) => r.pattern === 'webhook')!.verdict.passed).toBe(false);
    const fit = bestFit(level, runs)!;
    // Asking once a run fits best; an event stream opened for the run costs about as many bytes (one request, one
    // event) and is an equal fit by that measure, but a connection held for nothing but the run, which the note says.
    expect(fit.best.map((f) => f.pattern)).toContain('polling');
    expect(fit.best.map((f) => f.pattern)).toContain('plain-request');
    expect(fit.best.map((f) => f.pattern)).not.toContain('websocket');
  });
});
