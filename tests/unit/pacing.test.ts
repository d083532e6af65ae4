import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/content/params.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import { findMoments } from '../../src/flow/moments.ts';
import { PACE, pace, type Pacing } from '../../src/flow/pacing.ts';
import { inTimeOrder } from '../../src/flow/playback.ts';
import { speeds } from '../../src/flow/run-protocol.ts';
import type { PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { level, levels, run } from './helpers.ts';

const paced = async (id: string, pattern: PatternName, params: Record<string, number> = {}, overrides: Record<string, unknown> = {}) => {
  const lvl = level(id, overrides);
  const result = await run(lvl, pattern, params);
  const events = inTimeOrder(result.trace);
  return { events, pacing: pace(events, lvl.world.durationMs), endMs: lvl.world.durationMs };
};

/** Playback time a stretch of virtual time takes. */
const playback = (p: Pacing, from: number, to: number) => p.positionOf(to) - p.positionOf(from);
const packetsOf = (events: readonly TraceEvent[]) => events.filter((e): e is PacketEvent => e.type === 'packet');

describe('pacing: every run plays in about half a minute, whatever its simulated span', () => {
  const cases = levels.flatMap((l) => l.patterns.offered.map((pattern) => ({ id: l.id, pattern, params: defaultParams(l, pattern) })));
  // The run with the most messages there is: a two-day level polled every minute.
  cases.push({ id: 'wheres-my-package', pattern: 'polling', params: { intervalMs: 60_000 } });

  it.each(cases)('$id with $pattern $params: 20 to 40 s at 1x, within 10 s at the fastest speed', async ({ id, pattern, params }) => {
    const { pacing, endMs } = await paced(id, pattern, params);
    expect(pacing.lengthMs).toBeGreaterThanOrEqual(20_000);
    expect(pacing.lengthMs).toBeLessThanOrEqual(40_000);
    expect(pacing.lengthMs / Math.max(...speeds)).toBeLessThan(10_000);
    expect(pacing.positionOf(0)).toBe(0);
    expect(pacing.positionOf(endMs)).toBe(pacing.lengthMs);
  });
});

describe('pacing: quiet time is compressed, messages are not, the moments that decide hold the playback', () => {
  it('a day with nothing on the wire takes less playback than one webhook crossing it', async () => {
    const { events, pacing } = await paced('wheres-my-package', 'webhook');
    const webhooks = packetsOf(events).filter((p) => p.kind === 'webhook');
    expect(webhooks.length).toBeGreaterThan(2);
    for (const w of webhooks) {
      // A delivery of a tenth of a second plays over most of a second: slower than real time.
      const crossing = playback(pacing, w.t, w.arriveAt);
      expect(crossing).toBeGreaterThan(500);
      expect(crossing).toBeGreaterThan(w.arriveAt - w.t);
    }
    const [first, second] = webhooks;
    const gapStart = events.find((e) => e.type === 'packet' && e.replyTo === first.seq) as PacketEvent;
    const quiet = second.t - gapStart.arriveAt;
    expect(quiet).toBeGreaterThan(3_600_000);
    expect(playback(pacing, gapStart.arriveAt, second.t)).toBeLessThan(playback(pacing, first.t, first.arriveAt));
  });

  it('a longer quiet stretch plays longer than a short one, though far faster than real time', async () => {
    const { pacing, events } = await paced('wheres-my-package', 'webhook');
    const webhooks = packetsOf(events).filter((p) => p.kind === 'webhook');
    const gaps = webhooks.slice(1).map((w, i) => ({ len: w.t - webhooks[i].arriveAt - 1000, play: playback(pacing, webhooks[i].arriveAt + 500, w.t - 500) }));
    const [short, long] = [...gaps].sort((a, b) => a.len - b.len).filter((_, i, all) => i === 0 || i === all.length - 1);
    expect(long.len).toBeGreaterThan(short.len * 2);
    expect(long.play).toBeGreaterThan(short.play);
    expect(long.play).toBeLessThan(long.len / 1000);
  });

  it('each change and each moment the app learns it holds the playback', async () => {
    const { pacing } = await paced('wheres-my-package', 'webhook');
    const kinds = pacing.moments.map((m) => m.kind);
    expect(kinds.filter((k) => k === 'change')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'learned')).toHaveLength(7);
    const change = pacing.moments.find((m) => m.kind === 'change')!;
    // Just after the change, a few milliseconds of virtual time take about a second to play.
    expect(playback(pacing, change.t, change.t + 20)).toBeGreaterThan(PACE.dwellMs * 0.5);
    expect(change.at).toBe(pacing.positionOf(change.t));
  });

  it('in a run of thousands of polls, the exchange that brought the news plays far slower than the routine ones', async () => {
    const { events, pacing } = await paced('wheres-my-package', 'polling', { intervalMs: 60_000 });
    const packets = packetsOf(events);
    const learned = new Set(pacing.moments.filter((m) => m.kind === 'learned').map((m) => m.t));
    const news = packets.filter((p) => learned.has(p.arriveAt));
    const routine = packets.filter((p) => p.kind === 'response' && p.outcome === 'unchanged').slice(100, 110);
    expect(news.length).toBeGreaterThan(0);
    for (const n of news) for (const r of routine) expect(playback(pacing, n.t, n.arriveAt)).toBeGreaterThan(20 * playback(pacing, r.t, r.arriveAt));
    expect(playback(pacing, news[0].t, news[0].arriveAt)).toBeGreaterThan(400);
  });
});

describe('the moments that decide a verdict', () => {
  it('a webhook a browser cannot receive is refused', async () => {
    const { events, endMs } = await paced('team-chat', 'webhook');
    expect(findMoments(events, endMs).some((m) => m.kind === 'refused')).toBe(true);
  });

  it('a bid on a stale price is turned down', async () => {
    const { events, endMs } = await paced('live-auction', 'polling', { intervalMs: 10_000 });
    const turned = findMoments(events, endMs).filter((m) => m.kind === 'turned-down');
    expect(turned.length).toBeGreaterThan(0);
    for (const m of turned) expect(events.find((e) => e.seq === m.seq)).toMatchObject({ status: 409 });
  });

  it('a message lost on the way is a moment, part of its way along', async () => {
    // A connection gives a message up only after several retransmissions fail: it takes a very lossy link.

    const { events, endMs } = await paced('order-emails', 'direct-call', {}, { 'network.loss': 0.8 });
    const lost = findMoments(events, endMs).filter((m) => m.kind === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const m of lost) {
      const p = events.find((e) => e.seq === m.seq) as PacketEvent;
      expect(m.t).toBeGreaterThan(p.t);
      expect(m.t).toBeLessThan(p.arriveAt);
    }
  });

  it('a change nobody learns is marked so', async () => {
    const { events, endMs } = await paced('wheres-my-package', 'plain-request');
    const changes = findMoments(events, endMs).filter((m) => m.kind === 'change');
    expect(changes.length).toBe(7);
    expect(changes.every((m) => m.neverLearned)).toBe(true);
  });
});

describe('pacing: the map both ways, and the stops', () => {
  it('is monotonic, and timeAt undoes positionOf at every event', async () => {
    const { events, pacing, endMs } = await paced('team-chat', 'websocket');
    let last = -1;
    for (const e of events) {
      if (e.t > endMs) continue;
      const at = pacing.positionOf(e.t);
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
      expect(pacing.timeAt(at)).toBe(e.t);
    }
    for (let p = 0; p <= pacing.lengthMs; p += pacing.lengthMs / 97) expect(pacing.positionOf(pacing.timeAt(p))).toBeCloseTo(p, 3);
  });

  it('stops at every message sent or arrived, and every change', async () => {
    const { events, pacing } = await paced('wheres-my-package', 'webhook');
    const [subscribe, answer] = packetsOf(events);
    expect(pacing.nextStop(0)).toBe(subscribe.arriveAt);
    expect(pacing.nextStop(subscribe.arriveAt)).toBe(answer.arriveAt);
    expect(pacing.previousStop(answer.arriveAt)).toBe(subscribe.arriveAt);
    expect(pacing.previousStop(subscribe.arriveAt + 1)).toBe(subscribe.arriveAt);
    expect(pacing.previousStop(0)).toBeUndefined();
    const firstChange = events.find((e) => e.type === 'mark' && e.kind === 'world')!;
    expect(pacing.nextStop(answer.arriveAt)).toBe(firstChange.t);
  });
});
