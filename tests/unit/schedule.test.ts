import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/net/rate-limiter.ts';
import { drawActs, drawChanges, nthStatus, running, statusWords } from '../../src/net/schedule.ts';
import { createRandom } from '../../src/sim/random.ts';
import { level } from './helpers.ts';

describe('the schedule of a run, without a network', () => {
  it('takes fixed changes in time order, each with the words of its status key', () => {
    const lvl = level('wheres-my-package');
    const changes = drawChanges(lvl, createRandom(1));
    expect(changes).toHaveLength(7);
    expect(changes.map((c) => c.atMs)).toEqual([...changes.map((c) => c.atMs)].sort((a, b) => a - b));
    expect(changes.at(-1)).toEqual({ atMs: 163_745_000, status: 'Delivered', resource: 0 });
  });

  it('does not depend on the order of the words in the text', () => {
    const lvl = structuredClone(level('wheres-my-package'));
    const before = drawChanges(lvl, createRandom(1));
    lvl.text.en.statuses = Object.fromEntries(Object.entries(lvl.text.en.statuses).reverse());
    expect(drawChanges(lvl, createRandom(1))).toEqual(before);
  });

  it('cycles through the statuses after the first for changes with none of their own', () => {
    expect(['a', 'b', 'c'].map((_, k) => nthStatus(['start', 'b', 'c'], k))).toEqual(['b', 'c', 'b']);
    const lvl = structuredClone(level('exchange-rate'));
    const words = statusWords(lvl);
    const changes = drawChanges({ ...lvl, world: { ...lvl.world, updateEveryMs: 3_600_000, randomUpdates: undefined } }, createRandom(1));
    expect(changes[0]).toMatchObject({ atMs: 3_600_000, status: words[1] });
  });

  it('draws random changes and acts the same way from the same seed', () => {
    const lvl = level('team-chat');
    const clients = lvl.clients!;
    expect(drawActs(lvl, createRandom(7), clients)).toEqual(drawActs(lvl, createRandom(7), clients));
    expect(drawActs(lvl, createRandom(7), clients)).not.toEqual(drawActs(lvl, createRandom(8), clients));
    const acts = drawActs(lvl, createRandom(7), clients);
    expect(acts).toHaveLength(lvl.world.actions!.count);
    for (const act of acts) expect(clients).toContain(act.client);
  });

  it('knows when a script that runs now and then is up', () => {
    const script = { id: 's', kind: 'app' as const, host: 's.example', x: 0, y: 0, runs: { everyMs: 1000, forMs: 100 } };
    expect([0, 99, 100, 999, 1000, 1050].map((t) => running(script, t))).toEqual([true, true, false, false, true, true]);
  });

  it('knows when a script whose first run is later is up: not before it', () => {
    const script = { id: 's', kind: 'app' as const, host: 's.example', x: 0, y: 0, runs: { everyMs: 1000, forMs: 100, startMs: 900 } };
    expect([0, 50, 899, 900, 999, 1000, 1899, 1900].map((t) => running(script, t))).toEqual([false, false, false, true, true, false, false, true]);
  });
});

describe('the rate limiter', () => {
  it('admits N requests per window per client, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, perMs: 1000 }, () => now);
    expect(limiter.admit('a')).toBe(0);
    now = 300;
    expect(limiter.admit('a')).toBe(0);
    now = 400;
    expect(limiter.admit('a')).toBe(600);
    expect(limiter.admit('b')).toBe(0);
    now = 1000;
    expect(limiter.admit('a')).toBe(0);
  });
});
