import { describe, expect, it } from 'vitest';
import type { PatternName } from '../../src/content/patterns.ts';
import type { MarkEvent, PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { level, run } from './helpers.ts';

/** One model for every connection: what the network does to WebSocket frames, stream chunks and requests alike. */

const marks = (trace: readonly TraceEvent[]) => trace.filter((e): e is MarkEvent => e.type === 'mark');
const packets = (trace: readonly TraceEvent[]) => trace.filter((e): e is PacketEvent => e.type === 'packet');

describe('the network: TCP on every connection', () => {
  it.each(['websocket', 'sse'] as PatternName[])('%s: tokens written 10 ms apart arrive in the order written, under jitter and loss', async (pattern) => {
    const fast = level('ai-answer', { 'source.stream.everyMs': 10, 'network.jitterMs': 200, 'network.loss': 0.05 });
    for (const seed of [1, 2, 3]) {
      const r = await run(fast, pattern, {}, seed);
      const known = marks(r.trace).filter((m) => m.kind === 'known' && m.eventId! > 0);
      expect(known.map((m) => m.eventId)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
      expect(known.map((m) => m.t)).toEqual([...known.map((m) => m.t)].sort((a, b) => a - b));
    }
  });

  it('a WebSocket and an event stream fare alike under the same loss, seed by seed', async () => {
    for (const id of ['ai-answer', 'live-ticker']) {
      const lossy = level(id, { 'network.loss': 0.05 });
      for (let seed = 1; seed <= 10; seed++) {
        const socket = await run(lossy, 'websocket', {}, seed);
        const stream = await run(lossy, 'sse', {}, seed);
        expect(socket.metrics.lostEvents, `${id} seed ${seed}`).toBe(0);
        expect(stream.metrics.lostEvents, `${id} seed ${seed}`).toBe(0);
        expect(socket.verdict, `${id} seed ${seed}`).toEqual(stream.verdict);
      }
    }
  });

  it('a lost segment costs a retransmission, counted in bytes, and no message is lost', async () => {
    const r = await run(level('live-ticker', { 'network.loss': 0.1 }), 'websocket', {}, 2);
    const again = packets(r.trace).filter((p) => (p.retransmits ?? 0) > 0);
    expect(again.length).toBeGreaterThan(0);
    expect(r.metrics.retransmits).toBe(again.reduce((n, p) => n + p.retransmits!, 0));
    expect(packets(r.trace).filter((p) => p.outcome === 'lost')).toEqual([]);
    expect(r.metrics.lostEvents).toBe(0);
  });

  it("a request held longer than the idle timeout gets the proxy's 504, not the answer", async () => {
    // The whole answer takes 48 × 120 ms to write; the proxy waits 2 s.
    const r = await run(level('ai-answer', { 'network.idleTimeoutMs': 2000 }), 'plain-request');
    const post = packets(r.trace).find((p) => p.kind === 'request' && p.label.startsWith('POST'))!;
    const answers = packets(r.trace).filter((p) => p.replyTo === post.seq);
    expect(answers.map((a) => a.status)).toEqual([504]);
    expect(answers[0].t - post.arriveAt).toBe(2000);
    expect(r.metrics.lostEvents).toBe(48);
  });

  it('a server restart drops every WebSocket: each page sees it close and connects again', async () => {
    const r = await run(level('team-chat', { 'world.restartsAtMs': [30_000] }), 'websocket');
    const closes = marks(r.trace).filter((m) => m.kind === 'close' && m.t >= 30_000 && m.t < 31_000);
    expect(closes.map((m) => m.actor).sort()).toEqual(['ana', 'ben', 'chen']);
    const handshakes = packets(r.trace).filter((p) => p.kind === 'handshake');
    expect(handshakes.length).toBe(6);
    expect(r.metrics.lostEvents).toBe(0);
  });
});
