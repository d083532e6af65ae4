import { describe, expect, it } from 'vitest';
import { level, run } from './helpers.ts';

const MIN = 60_000;
const lvl = level('wheres-my-package');

describe("Where's my package?: what emerges from the simulation", () => {
  it('the webhook meets every goal with one delivery per change', async () => {
    const r = await run(lvl, 'webhook');
    expect(r.metrics.deliveries).toBe(r.metrics.events);
    expect(r.metrics.events).toBe(7);
    expect(r.metrics.requests).toBe(1); // the subscription
    expect(r.goals.every((g) => g.met)).toBe(true);
  });

  it('polling: halve the interval and the requests about double; the worst delay follows the interval', async () => {
    const slow = await run(lvl, 'polling', { intervalMs: 40 * MIN });
    const fast = await run(lvl, 'polling', { intervalMs: 20 * MIN });
    expect(fast.metrics.requests / slow.metrics.requests).toBeGreaterThan(1.9);
    expect(fast.metrics.requests / slow.metrics.requests).toBeLessThan(2.1);
    expect(slow.metrics.stalenessMaxMs).toBeLessThanOrEqual(40 * MIN + 1000);
    expect(fast.metrics.stalenessMaxMs).toBeLessThanOrEqual(20 * MIN + 1000);
    expect(fast.metrics.stalenessMaxMs).toBeLessThan(slow.metrics.stalenessMaxMs);
    expect(fast.metrics.emptyResponses).toBeGreaterThan(fast.metrics.requests * 0.9);
  });

  it('no polling interval the player can pick meets both the freshness goal and the request budget', async () => {
    const range = lvl.patterns.params.polling!.intervalMs;
    const failures: number[] = [];
    // Intervals under the budget's floor send too many requests by arithmetic alone (checked on a few);
    // every interval that keeps within the budget is simulated.
    for (let interval = range.min; interval <= range.max; interval += range.step) {
      const pollsAtLeast = Math.floor(lvl.world.durationMs / interval);
      if (pollsAtLeast > 100 && interval % (10 * MIN) !== 0) continue;
      const r = await run(lvl, 'polling', { intervalMs: interval });
      const fresh = r.goals.find((g) => g.id === 'fresh')!.met;
      const budget = r.goals.find((g) => g.id === 'budget')!.met;
      if (fresh && budget) failures.push(interval);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('the carrier offers no WebSocket: every handshake is refused and nothing is learned', async () => {
    const r = await run(lvl, 'websocket');
    expect(r.metrics.refused).toBe(r.metrics.requests);
    expect(r.metrics.refused).toBeGreaterThan(1);
    expect(r.metrics.lostEvents).toBe(7);
    expect(r.trace.some((e) => e.type === 'mark' && e.kind === 'note' && /Gave up/.test(e.label))).toBe(true);
  });

  it('a plain request gives one snapshot that goes stale', async () => {
    const r = await run(lvl, 'plain-request');
    expect(r.metrics.requests).toBe(1);
    expect(r.metrics.lostEvents).toBe(7);
  });

  it('a carrier with a WebSocket: the socket keeps Maya informed, over one connection held for two days (hours of connection per scan)', async () => {
    const r = await run(level('wheres-my-package', { 'source.offers.websocket': true }), 'websocket');
    expect(r.goals.filter((g) => !g.met).map((g) => g.id)).toEqual(['held']);
    expect(r.metrics.connectionPerChangeMs).toBeGreaterThan(6 * 3_600_000);
    const frames = r.trace.filter((e) => e.type === 'packet' && e.kind === 'frame');
    // The current status on connect, then one push per change, over one connection kept alive by heartbeats.
    expect(frames.filter((f) => f.label === 'push')).toHaveLength(7 + 1);
    expect(r.trace.filter((e) => e.type === 'packet' && e.kind === 'handshake')).toHaveLength(1);
    // A ping 25 s after the last word from the server (each pong is one), so a little less than one every 25 s.
    const pings = frames.filter((f) => f.label.startsWith('{"type":"ping"')).length;
    expect(pings).toBeLessThanOrEqual(lvl.world.durationMs / 25_000);
    expect(pings).toBeGreaterThan(lvl.world.durationMs / 26_000);
    expect(r.metrics.connectionMs).toBeGreaterThan(47 * 60 * MIN);
  });

  it('change the world: a scan every 5 minutes fills the polls with news, the webhook still sends one delivery per change, and polling stops once the parcel is delivered', async () => {
    const busy = level('wheres-my-package', { 'world.updateEveryMs': 5 * MIN });
    const hook = await run(busy, 'webhook');
    expect(hook.metrics.events).toBe(7);
    expect(hook.metrics.deliveries).toBe(hook.metrics.events);
    const poll = await run(busy, 'polling', { intervalMs: 5 * MIN });
    // The second poll comes at a random point of the first 5 minutes, maybe before the first scan.
    expect(poll.metrics.emptyResponses).toBeLessThanOrEqual(1);
    expect(poll.metrics.requests).toBeLessThanOrEqual(poll.metrics.events + 2);
    const delivered = poll.trace.find((e) => e.type === 'mark' && e.kind === 'known' && e.label === 'Delivered')!;
    expect(poll.trace.filter((e) => e.type === 'packet' && e.kind === 'request' && e.t > delivered.t)).toEqual([]);
  });

  it("while the shop's endpoint is down the carrier's deliveries are refused and retried, and no change is lost", async () => {
    // The first scan is at 3h12min; the shop's receiver is down from 3h to 3h20min.
    const down = level('wheres-my-package', { 'world.outages': [{ fromMs: 3 * 60 * MIN, toMs: 3 * 60 * MIN + 20 * MIN }] });
    const r = await run(down, 'webhook', {}, 3);
    expect(r.metrics.failedDeliveries).toBeGreaterThan(0);
    expect(r.metrics.retriedDeliveries).toBeGreaterThan(0);
    expect(r.metrics.lostEvents).toBe(0);
    expect(r.metrics.deliveries).toBe(r.metrics.events + r.metrics.retriedDeliveries);
  });

  it('a lossy network delays deliveries by retransmissions, and no delivery fails for it', async () => {
    const r = await run(level('wheres-my-package', { 'network.loss': 0.3 }), 'webhook', {}, 3);
    expect(r.metrics.retransmits).toBeGreaterThan(0);
    expect(r.metrics.failedDeliveries).toBe(0);
    expect(r.metrics.lostEvents).toBe(0);
  });

  it('a carrier without conditional requests answers 200 with the same data, still counted as empty', async () => {
    const r = await run(level('wheres-my-package', { 'source.offers.conditionalRequests': false }), 'polling');
    expect(r.trace.some((e) => e.type === 'packet' && e.status === 304)).toBe(false);
    expect(r.metrics.emptyResponses).toBe(r.metrics.requests - 7 - 1);
  });
});
