import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultPrices, monthlyCost } from '../../src/content/cost.ts';
import {
  decodeWorld,
  defaultWorld,
  encodeWorld,
  parseWorld,
  patternsFor,
  runsOf,
  whyNot,
  worldToLevel,
  worldToLevelFile,
  type World,
} from '../../src/content/playground.ts';
import { parseLevel } from '../../src/content/schema.ts';
import type { Metrics } from '../../src/sim/metrics.ts';
import { run } from './helpers.ts';

const levelOf = (world: World) => {
  const made = worldToLevel(world);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.level;
};
const chat: World = {
  ...defaultWorld,
  side: 'browsers',
  flow: 'both',
  clients: 3,
  changes: { everyMs: 5000, rhythm: 'random' },
  offers: { conditionalRequests: true, webhooks: true, websocket: true },
  goals: { freshMs: 1000, noLostEvents: true },
};

describe('the playground: a world of your own, run through every pattern that can work in it', () => {
  it('turns a world into a level file that loads like any other, offering only what can work there', () => {
    const file = worldToLevelFile(defaultWorld);
    expect(file.$schema).toBe('../level.schema.json');
    expect(parseLevel(JSON.parse(JSON.stringify(file))).ok).toBe(true);
    expect(patternsFor(defaultWorld)).toEqual(['polling', 'webhook', 'websocket', 'plain-request', 'sse', 'long-polling']);
    expect(patternsFor({ ...defaultWorld, side: 'own-service', offers: { conditionalRequests: false, webhooks: false, websocket: false } })).toEqual([
      'polling',
      'plain-request',
      'sse',
      'direct-call',
      'long-polling',
    ]);
  });

  it('a pattern runs only where the source offers what it needs: each offer toggled moves its pattern in or out, with the reason', () => {
    const toggles = [
      ['webhooks', 'webhook', 'webhooks'],
      ['websocket', 'websocket', 'websocket'],
      ['streams', 'sse', 'streams'],
      ['longPolling', 'long-polling', 'longPolling'],
    ] as const;
    for (const [offer, pattern, reason] of toggles) {
      const on: World = { ...defaultWorld, offers: { ...defaultWorld.offers, [offer]: true } };
      const off: World = { ...defaultWorld, offers: { ...defaultWorld.offers, [offer]: false } };
      expect(patternsFor(on)).toContain(pattern);
      expect(patternsFor(off)).not.toContain(pattern);
      expect(whyNot(on, pattern)).toBeUndefined();
      expect(whyNot(off, pattern)).toBe(reason);
      // What the level offers is what runs, on the stage too.
      expect(levelOf(off).patterns.offered).not.toContain(pattern);
      expect(levelOf(on).patterns.offered).toContain(pattern);
    }
    // A payment provider that offers webhooks and nothing else: polling and a plain request (plain GETs) and the webhook run.
    const webhooksOnly: World = {
      ...defaultWorld,
      offers: { conditionalRequests: false, webhooks: true, websocket: false, streams: false, longPolling: false },
    };
    expect(patternsFor(webhooksOnly)).toEqual(['polling', 'webhook', 'plain-request']);
    // A world written before streams and long polling were asked for offered them, as the game then did.
    const older = decodeWorld(JSON.stringify({ ...defaultWorld, offers: { conditionalRequests: true, webhooks: false, websocket: false } }));
    expect(older.ok && patternsFor(older.world)).toEqual(['polling', 'plain-request', 'sse', 'long-polling']);
  });

  it('an unticked goal is no goal: not in the level, not its point, not in its words; a world with no goal at all is refused at its goals', () => {
    const world: World = { ...defaultWorld, goals: { freshMs: 60_000, noLostEvents: false } };
    const file = worldToLevelFile(world) as {
      goals: Array<{ id: string; metric: string }>;
      point: string;
      text: Record<string, { goals: Record<string, string> }>;
    };
    expect(file.goals.map((g) => g.id)).toEqual(['fresh']);
    expect(file.point).toBe('fresh');
    expect(Object.keys(file.text.en.goals)).toEqual(['fresh']);
    expect(levelOf(world).goals.map((g) => g.metric)).toEqual(['stalenessMaxMs']);
    const ticked = worldToLevelFile({ ...world, goals: { ...world.goals, noLostEvents: true } }) as { goals: Array<{ id: string }> };
    expect(ticked.goals.map((g) => g.id)).toEqual(['fresh', 'complete']);
    expect(parseWorld({ ...defaultWorld, goals: { noLostEvents: false } })).toMatchObject({ ok: false, problems: [{ path: 'goals', got: 'none' }] });
    // Data sent up has its own goal, that it gets through: such a world is judged by it.
    expect(parseWorld({ ...defaultWorld, flow: 'up', goals: { noLostEvents: false } }).ok).toBe(true);
  });

  it('prices the learner changed travel with the world, and change no run', () => {
    const priced: World = { ...defaultWorld, prices: { perMillionRequests: 3.5, perMillionMessages: 1, perMillionConnectionMinutes: 0.25 } };
    expect(decodeWorld(encodeWorld(priced))).toEqual({ ok: true, world: priced });
    expect(runsOf(priced)).toBe(runsOf(defaultWorld));
    expect(runsOf({ ...priced, clients: 2 })).not.toBe(runsOf(defaultWorld));
    expect(worldToLevelFile(priced)).toEqual(worldToLevelFile(defaultWorld));
  });

  it('a world travels in the address and comes back the same; a broken one says where and what was expected', () => {
    expect(decodeWorld(encodeWorld(chat))).toEqual({ ok: true, world: chat });
    expect(decodeWorld(JSON.stringify(chat))).toEqual({ ok: true, world: chat });
    expect(decodeWorld('%%%')).toMatchObject({ ok: false, problems: [{ path: '(top)' }] });
    const tooMany = decodeWorld(JSON.stringify({ ...chat, clients: 2_000_000 }));
    expect(tooMany).toMatchObject({ ok: false, problems: [{ path: 'clients', expected: expect.stringMatching(/1000000/) }] });
  });

  it("a chat among three browsers gives the chat level's verdicts: the socket passes, polling misses the second, a webhook cannot reach a browser", async () => {
    const level = levelOf(chat);
    const [socket, polling, webhook] = [await run(level, 'websocket'), await run(level, 'polling'), await run(level, 'webhook')];
    expect(socket.verdict.stars).toBe(3);
    expect(polling.goals.find((g) => g.id === 'fresh')!.met).toBe(false);
    expect(webhook.metrics.lostEvents).toBeGreaterThan(0);
    expect(webhook.verdict.stars).toBe(0);
  });

  it('a payment at a third party, wanted within 10 s: the webhook passes with one delivery; a plain request learns nothing', async () => {
    const level = levelOf({ ...defaultWorld, changes: { everyMs: 30 * 60_000, rhythm: 'random' }, goals: { freshMs: 10_000, noLostEvents: true } });
    const [hook, once] = [await run(level, 'webhook'), await run(level, 'plain-request')];
    expect(hook.verdict.stars).toBe(3);
    expect(hook.metrics.requests).toBe(1);
    expect(once.verdict.stars).toBe(0);
  });

  it('scales a run to a month and an audience, at prices it states', () => {
    const metrics = { durationMs: 86_400_000, requests: 900, deliveries: 100, failedDeliveries: 0, frames: 40, chunks: 10, connectionMs: 3_600_000 } as Metrics;
    const cost = monthlyCost(metrics, 2, 2000);
    expect(cost.factor).toBe(30 * 1000);
    expect(cost.requests).toBe(30_000_000);
    expect(cost.dollars.requests).toBeCloseTo(30);
    expect(cost.dollars.messages).toBeCloseTo(1.5);
    expect(cost.dollars.connections).toBeCloseTo((60 * 30_000 * 0.25) / 1e6);
    expect(defaultPrices().source).toMatch(/read Nov 30, 2026/);
    // A delivery refused (nothing listening at a browser) or lost on the way reached nothing that bills.
    expect(monthlyCost({ ...metrics, requests: 0, failedDeliveries: 60 }, 2, 2000).requests).toBe(40 * 30_000);
  });

  it('the command line runs a world through every pattern on one seed', () => {
    const out = execFileSync(
      'node',
      [
        '--experimental-websocket',
        '--no-warnings=ExperimentalWarning',
        '--import',
        'tsx',
        'src/app/cli/simulate.ts',
        '--world',
        encodeWorld(chat),
        '--all-patterns',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(out) as { runs: Array<{ pattern: string; verdict: { stars: number } }> };
    expect(report.runs.map((r) => r.pattern)).toEqual(patternsFor(chat));
    expect(report.runs.find((r) => r.pattern === 'websocket')!.verdict.stars).toBe(3);
  });
});
