import { describe, expect, it } from 'vitest';
import { Connection, type DropReason } from '../../src/net/connection.ts';
import { conflating } from '../../src/net/conflate.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { Path } from '../../src/net/path.ts';
import { Session } from '../../src/run/session.ts';
import { VirtualClock } from '../../src/sim/clock.ts';
import { computeMetrics } from '../../src/sim/metrics.ts';
import type { Random } from '../../src/sim/random.ts';
import { Trace, type MarkEvent, type PacketEvent, type TraceEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

/**
 * The faults of the "When things go wrong" chapter, each with the clock driven by hand: a NAT that
 * forgets a quiet connection without telling anyone, a slow link that queues at the sender, the path
 * cut under an answer being written, a server that is down for a while after a restart, and clients
 * whose polls keep to the clock's round times.
 */

const steady: Random = { next: () => 0, between: (min) => min, chance: () => false, fork: () => steady };

function connect(options: { natIdleTimeoutMs?: number; bytesPerSecond?: number } = {}) {
  const clock = new VirtualClock();
  const trace = new Trace();
  const path = new Path(steady, { latencyMs: 50, jitterMs: 0, loss: 0 });
  const bandwidthTo = (actor: string) => (actor === 'page' ? options.bytesPerSecond : undefined);
  const connection = new Connection({ clock, trace, path, natIdleTimeoutMs: options.natIdleTimeoutMs, bandwidthTo }, 'c-1', 'page', 'server');
  const drops: Array<[string, DropReason, number]> = [];
  connection.onDrop('client', (reason) => drops.push(['client', reason, clock.now()]));
  connection.onDrop('server', (reason) => drops.push(['server', reason, clock.now()]));
  return { clock, trace, connection, drops };
}

const frame = (label: string, size = 10) => ({ kind: 'frame' as const, label, size });
const packets = (events: readonly TraceEvent[]) => events.filter((e): e is PacketEvent => e.type === 'packet');
const marks = (events: readonly TraceEvent[]) => events.filter((e): e is MarkEvent => e.type === 'mark');

describe('a NAT that forgets a quiet connection', () => {
  it('drops what either end sends after its timeout and tells no one: the server gives up unheard, the page learns only when it sends', async () => {
    const { clock, connection, drops } = connect({ natIdleTimeoutMs: 1000 });
    const got: string[] = [];
    connection.send('server', frame('before'), () => got.push('before'));
    await clock.advanceTo(3000);
    const lost = connection.send('server', frame('after'), () => got.push('after'));
    await clock.advanceTo(60_000);
    expect(got).toEqual(['before']);
    expect(lost?.outcome).toBe('lost');
    // The server's retransmissions gave up; its reset went nowhere, so the page still believes it is connected.
    expect(drops.map(([end, reason]) => [end, reason])).toEqual([['server', 'timeout']]);
    expect(connection.isOpen('client')).toBe(true);
    connection.send('client', frame('ping'));
    await clock.advanceTo(120_000);
    expect(drops.map(([end, reason]) => [end, reason])).toEqual([
      ['server', 'timeout'],
      ['client', 'timeout'],
    ]);
  });

  it('keeps a connection that carries something more often than its timeout', async () => {
    const { clock, connection, drops } = connect({ natIdleTimeoutMs: 1000 });
    const got: number[] = [];
    for (let t = 0; t < 10_000; t += 800) {
      await clock.advanceTo(t);
      connection.send('server', frame(`tick ${t}`), () => got.push(t));
    }
    await clock.advanceTo(11_000);
    expect(got).toHaveLength(13);
    expect(drops).toEqual([]);
  });

  it('in the scoreboard, without a heartbeat the second goal never reaches a phone that still thinks it is connected; with it, nothing is missed', async () => {
    const run = async (heartbeat: number) => {
      const session = new Session({ level: level('silent-scoreboard'), pattern: 'websocket', params: { heartbeat, jitter: 1 }, seed: 1 }, nodeHost());
      session.start();
      await session.advanceTo(12 * 60_000);
      const events = [...session.trace.events];
      session.finish();
      return events;
    };
    const silent = await run(0);
    const secondGoal = marks(silent).find((m) => m.kind === 'world' && m.eventId === 2)!;
    expect(secondGoal.t).toBe(11 * 60_000);
    expect(marks(silent).filter((m) => m.kind === 'known' && m.eventId === 2)).toEqual([]);
    expect(marks(silent).filter((m) => m.kind === 'close' && m.actor.startsWith('f'))).toEqual([]);
    expect(packets(silent).filter((p) => p.label === 'push' && p.t === secondGoal.t && p.outcome === 'lost')).toHaveLength(12);
    const kept = await run(1);
    expect(marks(kept).filter((m) => m.kind === 'known' && m.eventId === 2)).toHaveLength(12);
  });

  it('a heartbeat finds a connection the NAT forgot between two pings, and the page reconnects', async () => {
    const lvl = level('silent-scoreboard', { 'network.natIdleTimeoutMs': 20_000, 'world.restartsAtMs': [] });
    const session = new Session({ level: lvl, pattern: 'websocket', params: { heartbeat: 1, jitter: 1 }, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(60_000);
    const events = [...session.trace.events];
    session.finish();
    const caught = marks(events).filter((m) => m.kind === 'defence' && m.defence === 'heartbeat');
    // The first ping, 25 s after the last word from the server, finds the NAT's memory gone; no pong 10 s later: dead.
    expect(caught.filter((m) => m.t < 40_000)).toHaveLength(12);
    expect(caught.every((m) => m.t >= 35_000)).toBe(true);
    expect(packets(events).filter((p) => p.kind === 'handshake' && p.reconnect && p.t > 35_000 && p.t < 40_000)).toHaveLength(12);
  });
});

describe('a slow link', () => {
  it('carries its bytes a second: what is sent faster waits in the sender’s buffer, and the trace says when it left', async () => {
    const { clock, connection, trace } = connect({ bytesPerSecond: 100 });
    const arrived: number[] = [];
    for (let i = 0; i < 5; i++) connection.send('server', frame(`p${i}`, 100), () => arrived.push(clock.now()));
    await clock.advanceTo(10_000);
    // One a second, each 50 ms after its last byte left.
    expect(arrived).toEqual([1050, 2050, 3050, 4050, 5050]);
    const sent = packets(trace.events);
    expect(sent.map((p) => p.leftAt)).toEqual([undefined, 1000, 2000, 3000, 4000]);
    const metrics = computeMetrics(trace.events, { clients: ['page'], servers: ['server'], endMs: 10_000 });
    expect(metrics.peakBufferBytes).toBe(400);
  });

  it('sending only the latest value to a connection that is behind bounds the buffer to one message and skips the old ones', async () => {
    const { clock, connection, trace } = connect({ bytesPerSecond: 100 });
    const got: string[] = [];
    const push = conflating(true, (payload, _id, arrived) => connection.send('server', frame(payload, 100), () => (got.push(payload), arrived())));
    for (let i = 1; i <= 20; i++) {
      push(`price ${i}`, i);
      await clock.advanceTo(i * 250);
    }
    await clock.advanceTo(20_000);
    expect(got[got.length - 1]).toBe('price 20');
    expect(got.length).toBeLessThan(8);
    const metrics = computeMetrics(trace.events, { clients: ['page'], servers: ['server'], endMs: 20_000 });
    expect(metrics.peakBufferBytes).toBe(0);
  });

  it('in the ticker, the viewer on one bar falls minutes behind and the server buffers tens of KB; conflated, it stays within a second or so', async () => {
    const run = async (conflate: number) => {
      const session = new Session({ level: level('slow-viewer'), pattern: 'websocket', params: { conflate }, seed: 1 }, nodeHost());
      session.start();
      await session.advanceTo(session.endMs);
      return session.finish().metrics;
    };
    const [all, latest] = [await run(0), await run(1)];
    expect(all.latestStalenessMaxMs).toBeGreaterThan(60_000);
    expect(all.peakBufferBytes).toBeGreaterThan(30_000);
    expect(latest.latestStalenessMaxMs).toBeLessThan(2000);
    expect(latest.peakBufferBytes).toBeLessThan(200);
    expect(latest.lostEvents).toBeGreaterThan(0);
  });
});

describe('an answer whose stream is cut in the middle', () => {
  const cutAt = 4000;
  const run = async (resume: number) => {
    const session = new Session({ level: level('broken-answer'), pattern: 'sse', params: { resume }, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(cutAt);
    const knownAtCut = marks(session.trace.events)
      .filter((m) => m.kind === 'known')
      .map((m) => m.eventId!);
    await session.advanceTo(session.endMs);
    return { knownAtCut, result: session.finish() };
  };

  it('resumes with Last-Event-ID: the rest comes from the word after the last one the page had, nothing twice, nothing missing', async () => {
    const { knownAtCut, result } = await run(1);
    const requests = packets(result.trace).filter((p) => p.kind === 'request');
    expect(requests.map((p) => p.label)).toEqual(['POST /v1/answers', 'GET /v1/answers/latest']);
    const last = Math.max(...knownAtCut);
    expect(requests[1].wire?.headers).toContainEqual(['last-event-id', String(last)]);
    const resumed = packets(result.trace).filter((p) => p.kind === 'chunk' && p.t > cutAt && p.label.startsWith('id:'));
    expect(JSON.parse(resumed[0].wire!.body!.split('data: ')[1]).events[0].id).toBe(last + 1);
    expect(result.metrics.lostEvents).toBe(0);
    expect(result.metrics.events).toBe(48);
    expect(result.caught).toEqual({ resume: 1 });
  });

  it('without it, the page can only ask again: the words written meanwhile are lost and the answer starts over from its first word', async () => {
    const { result } = await run(0);
    const requests = packets(result.trace).filter((p) => p.kind === 'request');
    expect(requests.map((p) => p.label)).toEqual(['POST /v1/answers', 'POST /v1/answers']);
    const words = marks(result.trace).filter((m) => m.kind === 'world');
    const restart = words.findIndex((w) => w.t > requests[1].arriveAt);
    expect(words[restart].label).toBe('To');
    expect(words[0].label).toBe('To');
    expect(result.metrics.lostEvents).toBeGreaterThan(0);
  });
});

describe('a restart that keeps the server down for a while', () => {
  it('refuses every connection until it is back; pages that all wait the same fixed time all come back in the same second', async () => {
    const session = new Session({ level: level('silent-scoreboard'), pattern: 'websocket', params: { heartbeat: 1, jitter: 0 }, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(18 * 60_000);
    const events = [...session.trace.events];
    session.finish();
    const restart = 17 * 60_000;
    const handshakes = packets(events).filter((p) => p.kind === 'handshake' && p.t > restart);
    const refused = handshakes.filter((p) => p.outcome === 'refused');
    expect(refused.every((p) => p.t < restart + 7000)).toBe(true);
    const back = handshakes.filter((p) => p.outcome !== 'refused');
    expect(back).toHaveLength(12);
    expect(Math.max(...back.map((p) => p.t)) - Math.min(...back.map((p) => p.t))).toBeLessThan(1000);
  });
});

describe('clients switched on at different moments, polling', () => {
  it('without a random start they keep to the clock’s round times, all at once; with it each keeps its own', async () => {
    const secondPolls = async (spread: number) => {
      const session = new Session({ level: level('on-the-hour'), pattern: 'polling', params: { spread, intervalMs: 300_000 }, seed: 1 }, nodeHost());
      session.start();
      await session.advanceTo(11 * 60_000);
      const events = [...session.trace.events];
      session.finish();
      return packets(events).filter((p) => p.kind === 'request' && p.t >= 5 * 60_000 + 1000 && p.t < 10 * 60_000 + 1000);
    };
    const aligned = await secondPolls(0);
    expect(new Set(aligned.map((p) => p.t))).toEqual(new Set([10 * 60_000]));
    const spread = await secondPolls(1);
    expect(new Set(spread.map((p) => Math.floor(p.t / 1000))).size).toBeGreaterThan(8);
  });
});
