import { describe, expect, it } from 'vitest';
import { bestFit } from '../../src/content/best-fit.ts';
import { patternsFor, worldToLevel, type World } from '../../src/content/playground.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { Level } from '../../src/content/schema.ts';
import type { RunResult } from '../../src/flow/run-protocol.ts';
import { catalog, level, run } from './helpers.ts';

/**
 * Worlds that mirror a campaign level give that level's verdict: the pattern that fits best in the level, run with
 * its defaults on seed 1, is the one that fits best in the playground's world made to match it, on the same seed.
 * The playground measures the better fit by bytes (its level's `bestFit`) where the level names its own measurement,
 * so the mirror holds only where the world's structure decides, as a level's verdict should.
 *
 * The comparison is among the patterns the level offers: the playground also runs plain requests, event streams and
 * long polls wherever they can work, which some levels leave out of their choice on purpose.
 *
 * Levels no world mirrors, and why:
 * - profile-page, blog-post: the data is needed once and never changes; a world always changes at least once a run,
 *   and its app starts knowing the data (nothing in the world says "fetch it first").
 * - ai-answer, broken-answer: a streamed answer (source.stream) is not in the world model.
 * - on-the-hour: its point is the fleet's peak of requests a second; a world's goals hold freshness, requests,
 *   connection time and lost changes only.
 * - slow-monday, silent-scoreboard, payment-from-nowhere, out-again, an-hour-offline, slow-viewer: their faults
 *   (slow answers, a forgetting NAT and restarts, attacks, retries out of order, outages, a slow link) and the defences
 *   against them are not in the world model.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

const world = (w: Omit<World, 'flow' | 'clients'> & Partial<World>): World => ({ flow: 'down', clients: 1, ...w });

const mirrors: Array<[string, World]> = [
  // Seven scans in two days (about one every 7 h); 10 minutes, 100 requests; at most 10 minutes of connection per scan.
  [
    'wheres-my-package',
    world({
      side: 'third-party',
      changes: { everyMs: 7 * HOUR, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: false },
      network: { latencyMs: 90, loss: 0 },
      goals: { freshMs: 10 * MIN, maxRequests: 100, maxConnectionMs: 7 * 10 * MIN, noLostEvents: true },
    }),
  ],
  // One payment within the hour, known within 10 s, 30 requests an hour (the world's run is six hours: 180).
  [
    'payment-confirmed',
    world({
      side: 'third-party',
      changes: { everyMs: 30 * MIN, rhythm: 'random' },
      offers: { conditionalRequests: false, webhooks: true, websocket: false },
      network: { latencyMs: 60, loss: 0 },
      goals: { freshMs: 10_000, maxRequests: 6 * 30, noLostEvents: true },
    }),
  ],
  // A script that runs every night; 24 orders in two days; each in the next night's report; 6 calls.
  [
    'nightly-report',
    world({
      side: 'script',
      runsEveryMs: DAY,
      changes: { everyMs: 2 * HOUR, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: false },
      network: { latencyMs: 60, loss: 0 },
      goals: { freshMs: DAY + 5 * MIN, maxRequests: 6, noLostEvents: true },
    }),
  ],
  // Twelve sign-ups in eight hours, each welcomed within a minute; 200 requests.
  [
    'welcome-email',
    world({
      side: 'third-party',
      changes: { everyMs: 40 * MIN, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: false },
      network: { latencyMs: 70, loss: 0 },
      goals: { freshMs: MIN, maxRequests: 200, noLostEvents: true },
    }),
  ],
  // Ten merges in seven hours over 12 repositories and 300 requests: one repository, a twelfth of the budget.
  [
    'deploy-on-merge',
    world({
      side: 'third-party',
      changes: { everyMs: 42 * MIN, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: false },
      network: { latencyMs: 80, loss: 0 },
      goals: { freshMs: 5 * MIN, maxRequests: 300 / 12, noLostEvents: true },
    }),
  ],
  // Three browsers, ten messages a minute both ways, each on every screen within a second.
  [
    'team-chat',
    world({
      side: 'browsers',
      clients: 3,
      flow: 'both',
      changes: { everyMs: 5000, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: true },
      network: { latencyMs: 40, loss: 0 },
      goals: { freshMs: 1000, noLostEvents: true },
    }),
  ],
  // 40,000 viewers of a price that moves every 2 s, each within 2 s.
  [
    'live-ticker',
    world({
      side: 'browsers',
      clients: 40_000,
      changes: { everyMs: 2000, rhythm: 'steady' },
      offers: { conditionalRequests: true, webhooks: true, websocket: true },
      network: { latencyMs: 50, loss: 0 },
      goals: { freshMs: 2000, noLostEvents: true },
    }),
  ],
  // A rate that changes once a day, wanted within 2 h, with at most 10 minutes of connection per change.
  [
    'exchange-rate',
    world({
      side: 'third-party',
      changes: { everyMs: DAY, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: true },
      network: { latencyMs: 60, loss: 0 },
      goals: { freshMs: 2 * HOUR, maxConnectionMs: 3 * 10 * MIN, noLostEvents: true },
    }),
  ],
  // Three bidders, a price moving every 2 s, bids going up; each within a second, 200 requests.
  [
    'live-auction',
    world({
      side: 'browsers',
      clients: 3,
      flow: 'both',
      changes: { everyMs: 2000, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: true },
      network: { latencyMs: 50, loss: 0 },
      goals: { freshMs: 1000, maxRequests: 200, noLostEvents: true },
    }),
  ],
  // A form sent up now and then, with no connection held.
  [
    'contact-form',
    world({
      side: 'browsers',
      flow: 'up',
      changes: { everyMs: 2 * MIN, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: false, websocket: true },
      network: { latencyMs: 60, loss: 0 },
      goals: { maxConnectionMs: 0, noLostEvents: true },
    }),
  ],
  // Orders in a service of yours, every half a minute, each e-mailed within 2 s.
  [
    'order-emails',
    world({
      side: 'own-service',
      changes: { everyMs: 30_000, rhythm: 'random' },
      offers: { conditionalRequests: true, webhooks: true, websocket: false },
      network: { latencyMs: 30, loss: 0 },
      goals: { freshMs: 2000, noLostEvents: true },
    }),
  ],
];

/** The patterns that fit best among `runs`: the better or equal fit of those that met every goal, or the only one that did. */
function bestOf(lvl: Level, runs: RunResult[]): PatternName[] {
  const fit = bestFit(lvl, runs);
  if (fit) return fit.best.map((f) => f.pattern).sort();
  return runs.filter((r) => r.verdict.passed).map((r) => r.pattern);
}

async function runEach(lvl: Level, patterns: readonly PatternName[]): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (const pattern of patterns) runs.push(await run(lvl, pattern));
  return runs;
}

describe("worlds that mirror a level give that level's verdict", () => {
  it('mirrors at least six levels, from at least three chapters', () => {
    const ids = mirrors.map(([id]) => id);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(6);
    expect(catalog.chapters.filter((c) => c.levels.some((l) => ids.includes(l.id))).length).toBeGreaterThanOrEqual(3);
  });

  it.each(mirrors)('%s', async (id, mirror) => {
    const campaign = level(id);
    const offered = campaign.patterns.offered as PatternName[];
    const expected = bestOf(campaign, await runEach(campaign, offered));
    expect(expected.length, `${id} has a pattern that fits`).toBeGreaterThan(0);

    const made = worldToLevel(mirror);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    const both = patternsFor(mirror).filter((p) => offered.includes(p));
    expect(both, 'the world offers what the level does').toEqual(expect.arrayContaining(expected));
    expect(bestOf(made.level, await runEach(made.level, both))).toEqual(expected);
  });
});
