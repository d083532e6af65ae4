import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/net/node-host.ts';
import { Session, simulate } from '../../src/run/session.ts';
import type { MarkEvent, PacketEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

const lvl = level('wheres-my-package');
const packets = (s: Session) => s.trace.events.filter((e): e is PacketEvent => e.type === 'packet');

describe('a run with the clock driven by hand', () => {
  it('polling asks at once, again at a random point of the first interval, then one interval after each poll started, with If-None-Match after the first', async () => {
    const session = new Session({ level: lvl, pattern: 'polling', params: { intervalMs: 600_000 }, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(1);
    expect(packets(session).map((p) => p.kind)).toEqual(['request']);
    await session.advanceTo(1000);
    expect(packets(session).map((p) => [p.kind, p.status])).toEqual([
      ['request', undefined],
      ['response', 200],
    ]);
    const firstAnswer = packets(session)[1];
    await session.advanceTo(firstAnswer.arriveAt + 600_000 + 1000);
    const [, , second, secondAnswer] = packets(session);
    // Jitter: the second poll comes somewhere inside the first interval, not on its edge.
    expect(second.t).toBeGreaterThan(firstAnswer.arriveAt);
    expect(second.t).toBeLessThan(firstAnswer.arriveAt + 600_000);
    expect(secondAnswer.status).toBe(304);
    expect(second.size).toBeGreaterThan(packets(session)[0].size); // it now carries If-None-Match
    // Then a steady rhythm: each poll one interval after the last one started.
    await session.advanceTo(second.t + 600_000 - 1);
    expect(packets(session)).toHaveLength(4);
    await session.advanceTo(second.t + 600_000 + 1000);
    expect(packets(session)[4].t).toBe(second.t + 600_000);
    session.finish();
  });

  it('clients started together spread their polls: each draws its own point in the first interval', async () => {
    const chat = level('team-chat');
    const session = new Session({ level: chat, pattern: 'polling', params: { intervalMs: 3000 }, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(2999);
    const seconds = packets(session).filter((p) => p.kind === 'request' && p.t > 0);
    expect(seconds).toHaveLength(3);
    expect(new Set(seconds.map((p) => p.t)).size).toBe(3);
    session.finish();
  });

  it('step stops at the next message on the wire', async () => {
    const session = new Session({ level: lvl, pattern: 'webhook', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.step(); // the subscription request is already on its way; the next message is its answer
    expect(packets(session).map((p) => p.kind)).toEqual(['request', 'response']);
    await session.step();
    const third = packets(session)[2];
    expect(third.kind).toBe('webhook');
    expect(third.t).toBe(lvl.world.updates[0].atMs);
    session.finish();
  });

  it('finish measures up to where the clock got', async () => {
    const session = new Session({ level: lvl, pattern: 'webhook', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(lvl.world.updates[1].atMs + 10_000);
    const result = session.finish();
    expect(result.metrics.events).toBe(2);
    expect(result.metrics.deliveries).toBe(2);
    expect(session.finish()).toBe(result);
  });
});

describe('users acting, and answers that stream', () => {
  it('a bid made on a price that has moved is turned down with 409, and the answer carries the current price', async () => {
    const auction = level('live-auction');
    const session = new Session({ level: auction, pattern: 'polling', params: { intervalMs: 10_000 }, seed: 1 }, nodeHost());
    session.start();
    const acts = session.world.acts();
    const changes = session.world.schedule();
    // The first bid after an outside bid that no poll has seen yet is stale.
    const stale = acts.find((a) => changes.some((c) => c.atMs < a.atMs && c.atMs > a.atMs - 9000));
    expect(stale).toBeDefined();
    await session.advanceTo(stale!.atMs + 2000);
    const bid = packets(session).find((p) => p.t === stale!.atMs && p.label.startsWith('POST'));
    const answer = packets(session).find((p) => p.replyTo === bid?.seq);
    expect(answer?.status).toBe(409);
    const learned = session.trace.events.filter((e) => e.type === 'mark' && e.kind === 'known' && e.actor === bid!.from && e.t === answer!.arriveAt);
    expect(learned.length).toBeGreaterThan(0); // the 409's body told the bidder the current price
    const result = session.finish();
    expect(result.metrics.failedSubmissions).toBeGreaterThan(0);
  });

  it('an answer written in tokens streams as server-sent events, each a chunk on the wire as it is written', async () => {
    const ai = level('ai-answer');
    const session = new Session({ level: ai, pattern: 'sse', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(3000);
    // The page opens no stream before it asks: the answer comes on the question's own stream.
    const chunks = packets(session).filter((p) => p.kind === 'chunk' && p.t >= 2000 && p.label.startsWith('id:'));
    const written = session.trace.events.filter((e) => e.type === 'mark' && e.kind === 'world');
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(chunks.map((c) => c.t)).toEqual(written.map((w) => w.t)); // each word leaves as it is written
    expect(chunks.map((c) => c.t - chunks[0].t)).toEqual(chunks.map((_, i) => 120 * i));
    const known = session.trace.events.filter((e) => e.type === 'mark' && e.kind === 'known');
    expect(known.map((k) => k.t)).toEqual(chunks.filter((c) => c.arriveAt <= 3000).map((c) => c.arriveAt));
    expect(
      packets(session)
        .filter((p) => p.kind === 'request')
        .map((p) => p.label.split(' ')[0]),
    ).toEqual(['POST']);
    session.finish();
  });

  it('the streamed answer arrives whole, its stream closes after its last word, on every seed', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const result = await simulate({ level: level('ai-answer'), pattern: 'sse', params: {}, seed }, nodeHost());
      expect(result.metrics.lostEvents, `seed ${seed}`).toBe(0);
      const marks = result.trace.filter((e) => e.type === 'mark');
      const lastWord = Math.max(...result.trace.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'chunk').map((c) => c.arriveAt));
      const closed = marks.filter((m) => m.kind === 'close').map((m) => m.t);
      expect(
        closed.some((t) => t >= lastWord && t < result.metrics.durationMs),
        `seed ${seed}`,
      ).toBe(true);
    }
  });

  it('a direct call that finds the mailer down waits in the queue and is tried again until the mailer has it', async () => {
    const down = level('order-emails', { 'world.outages': [{ fromMs: 60_000, toMs: 180_000 }] });
    const result = await simulate({ level: down, pattern: 'direct-call', params: {}, seed: 1 }, nodeHost());
    const calls = result.trace.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'request' && e.from === 'orders');
    expect(calls.some((c) => c.outcome === 'refused')).toBe(true);
    expect(calls.length).toBeGreaterThan(result.metrics.events);
    expect(result.metrics.lostEvents).toBe(0);
    expect(result.metrics.publicEndpoints).toBe(0);
  });

  it('an answer that arrives in one piece still tells each word as it was written', async () => {
    const result = await simulate({ level: level('ai-answer'), pattern: 'plain-request', params: {}, seed: 1 }, nodeHost());
    const marks = result.trace.filter((e): e is MarkEvent => e.type === 'mark');
    const said = new Map(marks.filter((m) => m.kind === 'world').map((m) => [m.eventId, m.label]));
    const known = marks.filter((m) => m.kind === 'known');
    expect(known.length).toBe(48);
    for (const k of known) expect(k.label).toBe(said.get(k.eventId));
    expect(new Set(known.map((k) => k.t)).size).toBe(1); // all at once, when the whole answer came
  });

  it('with several clients, the data every page needs at the start is one change for all of them to learn', async () => {
    const result = await simulate({ level: level('team-chat', { 'world.initialKnown': false }), pattern: 'websocket', params: {}, seed: 1 }, nodeHost());
    expect(result.metrics.events).toBe(11);
    expect(result.metrics.lostEvents).toBe(0);
  });
});
