import { describe, expect, it } from 'vitest';
import type { MarkEvent, PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { level, run } from './helpers.ts';

/**
 * The expert review's findings about the levels, each fixed by what the world does or what a goal
 * measures, each checked here by the reason it names.
 */
const marks = (trace: readonly TraceEvent[]) => trace.filter((e): e is MarkEvent => e.type === 'mark');
const packets = (trace: readonly TraceEvent[]) => trace.filter((e): e is PacketEvent => e.type === 'packet');
const missed = (r: { goals: Array<{ id: string; met: boolean }> }) => r.goals.filter((g) => !g.met).map((g) => g.id);

describe('finding 3: the rare-updates level measures the connection held, not the pings', () => {
  it('a socket pinged every 30 s or once an hour holds a day of connection per rate either way, and misses the same goals', async () => {
    const often = await run(level('exchange-rate'), 'websocket');
    const rarely = await run(level('exchange-rate', { 'source.heartbeatMs': 3_600_000 }), 'websocket');
    expect(missed(often)).toContain('held');
    expect(missed(rarely)).toEqual(missed(often));
    expect(rarely.verdict).toEqual(often.verdict);
    expect(often.metrics.connectionPerChangeMs).toBeGreaterThan(23 * 3_600_000);
  });

  it('an event stream held open for three days does not pass either', async () => {
    const r = await run(level('exchange-rate'), 'sse');
    expect(r.verdict.passed).toBe(false);
    expect(missed(r)).toContain('held');
  });
});

describe('finding 5: the auction turns down exactly the bids made on a price that had moved', () => {
  it('a bid is turned down if and only if the price moved (by anyone, the bidder too) between what the bidder saw and its arrival', async () => {
    const auction = level('live-auction');
    let ownClash = false;
    for (const seed of [1, 2, 3]) {
      const r = await run(auction, 'websocket', {}, seed);
      const all = marks(r.trace);
      const world = all.filter((m) => m.kind === 'world');
      for (const act of all.filter((m) => m.kind === 'act')) {
        const seen = Math.max(0, ...all.filter((m) => m.kind === 'known' && m.actor === act.actor && m.t <= act.t).map((m) => m.eventId!));
        const bid = packets(r.trace).find((p) => p.kind === 'frame' && p.from === act.actor && p.t === act.t && p.label.includes(`"act":${act.act},`))!;
        const atServer = Math.max(0, ...world.filter((w) => w.t < bid.arriveAt || (w.t === bid.arriveAt && w.act !== act.act)).map((w) => w.eventId!));
        const accepted = world.some((w) => w.act === act.act);
        expect(accepted, `seed ${seed}, act ${act.act}`).toBe(seen === atServer);
        const movedByOwnBid = world.some(
          (w) =>
            w.eventId! > seen && w.eventId! <= atServer && w.act !== undefined && all.some((a) => a.kind === 'act' && a.act === w.act && a.actor === act.actor),
        );
        if (!accepted && movedByOwnBid) ownClash = true;
      }
    }
    expect(ownClash).toBe(true);
  });
});

describe('finding 6: where a WebSocket beats an event stream and a POST', () => {
  it('in the chat both put every message on every screen within a second, but each POST costs half as many bytes again per message', async () => {
    const socket = await run(level('team-chat'), 'websocket');
    const stream = await run(level('team-chat'), 'sse');
    expect(missed(socket)).toEqual([]);
    expect(missed(stream)).toEqual(['lean']);
    expect(stream.metrics.bytesPerChange / socket.metrics.bytesPerChange).toBeGreaterThanOrEqual(1.5);
  });
});

describe('finding 7: the ticker shows what push costs at scale, and sends only the latest price', () => {
  it('a push pattern holds a connection per viewer and sends a frame to each for every price; polling holds none', async () => {
    const socket = await run(level('live-ticker'), 'websocket');
    const poll = await run(level('live-ticker'), 'polling');
    expect(socket.metrics.peakConnections).toBe(4);
    expect(socket.metrics.peakPushesPerSecond).toBeGreaterThanOrEqual(4);
    expect(poll.metrics.peakConnections).toBe(0);
  });

  it('prices every 100 ms over a lossy link: a connection stuck on a lost frame is sent the newest price, not the backlog', async () => {
    const fast = level('live-ticker', { 'world.updateEveryMs': 100, 'network.loss': 0.1 });
    const conflated = await run(fast, 'websocket');
    const backlog = await run(level('live-ticker', { 'world.updateEveryMs': 100, 'network.loss': 0.1, 'source.latestOnly': false }), 'websocket');
    const pushes = (r: typeof conflated) => packets(r.trace).filter((p) => p.kind === 'frame' && p.label === 'push').length;
    expect(pushes(conflated)).toBeLessThan(pushes(backlog));
    expect(pushes(conflated)).toBeLessThan(conflated.metrics.events * 4);
    expect(conflated.metrics.latestStalenessMaxMs).toBeLessThanOrEqual(backlog.metrics.latestStalenessMaxMs);
  });
});
