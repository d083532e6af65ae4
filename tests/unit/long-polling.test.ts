import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/net/node-host.ts';
import { HOLD_S, pauseMs } from '../../src/patterns/long-polling.ts';
import { Session } from '../../src/run/session.ts';
import type { PacketEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

const packets = (s: Session) => s.trace.events.filter((e): e is PacketEvent => e.type === 'packet');

describe('long polling, with the clock driven by hand', () => {
  it('a held question is answered 204 after the hold when nothing happens, and asked again at once', async () => {
    const lvl = level('wheres-my-package');
    const session = new Session({ level: lvl, pattern: 'long-polling', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(1000);
    // The first question (since nothing) is answered at once with the current state.
    expect(packets(session).map((p) => [p.kind, p.status])).toEqual([
      ['request', undefined],
      ['response', 200],
      ['request', undefined],
    ]);
    const held = packets(session)[2];
    await session.advanceTo(held.arriveAt + HOLD_S * 1000 - 1);
    expect(packets(session)).toHaveLength(3);
    await session.advanceTo(held.arriveAt + HOLD_S * 1000 + 1000);
    const [, , , timeout, again] = packets(session);
    expect(timeout).toMatchObject({ kind: 'response', status: 204, t: held.arriveAt + HOLD_S * 1000, outcome: 'unchanged' });
    expect(again).toMatchObject({ kind: 'request', t: timeout.arriveAt });
    session.finish();
  });

  it('a held question is answered the moment the change happens', async () => {
    const lvl = level('wheres-my-package');
    const scan = lvl.world.updates[0].atMs;
    const session = new Session({ level: lvl, pattern: 'long-polling', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(scan + 1000);
    const news = packets(session).find((p) => p.kind === 'response' && p.status === 200 && p.t >= scan)!;
    expect(news.t).toBe(scan);
    const known = session.trace.events.find((e) => e.type === 'mark' && e.kind === 'known' && e.eventId === 1)!;
    expect(known.t).toBe(news.arriveAt);
    session.finish();
  });

  it('a proxy that gives up before the hold answers 504; the client pauses a random time under a doubling cap, then asks again', async () => {
    const short = level('wheres-my-package', { 'network.idleTimeoutMs': 10_000 });
    const session = new Session({ level: short, pattern: 'long-polling', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(120_000);
    const answers = packets(session).filter((p) => p.kind === 'response');
    expect(answers.slice(1).every((a) => a.status === 504)).toBe(true);
    const requests = packets(session).filter((p) => p.kind === 'request');
    const gaps = requests.slice(2).map((r, k) => r.t - answers[k + 1].arriveAt);
    expect(gaps.length).toBeGreaterThan(2);
    gaps.forEach((gap, k) => expect(gap).toBeLessThanOrEqual(1000 * 2 ** k));
    expect(new Set(gaps).size).toBe(gaps.length);
    session.finish();
  });

  it('pauses nothing before a failure, then a random share of 1 s, 2 s, 4 s… up to 30 s', () => {
    expect(pauseMs(0, () => 0.99)).toBe(0);
    expect([1, 2, 3, 6, 10].map((n) => pauseMs(n, () => 0.5))).toEqual([500, 1000, 2000, 15_000, 15_000]);
    expect(pauseMs(3, () => 0)).toBe(0);
  });
});
