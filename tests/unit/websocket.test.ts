import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/net/node-host.ts';
import { HEARTBEAT_MS, PONG_TIMEOUT_MS, reconnectDelay } from '../../src/patterns/websocket.ts';
import { Session, simulate } from '../../src/run/session.ts';
import type { MarkEvent, PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

const packets = (trace: readonly TraceEvent[]) => trace.filter((e): e is PacketEvent => e.type === 'packet');
const marks = (trace: readonly TraceEvent[]) => trace.filter((e): e is MarkEvent => e.type === 'mark');
const withSocket = { 'source.offers.websocket': true };

describe('the WebSocket client, as careful engineers write it', () => {
  it('waits a random time under a cap that doubles with each failure (full jitter)', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => reconnectDelay(n, () => 0.999_999))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(reconnectDelay(3, () => 0.25)).toBe(2000);
    expect(reconnectDelay(3, () => 0)).toBe(0);
  });

  it('a heartbeat finds a connection that died silently, and the page connects again and catches up', async () => {
    // 100 s in, the path loses everything for 40 s: no reset, no close, just silence.
    const lvl = level('wheres-my-package', { ...withSocket, 'network.lossBursts': [{ fromMs: 100_000, toMs: 140_000, loss: 1 }] });
    const session = new Session({ level: lvl, pattern: 'websocket', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(300_000);
    const closes = marks(session.trace.events).filter((m) => m.kind === 'close');
    expect(closes.length).toBeGreaterThan(0);
    // Found within one heartbeat and its wait for the pong.
    expect(closes[0].t).toBeGreaterThan(100_000);
    expect(closes[0].t).toBeLessThanOrEqual(100_000 + HEARTBEAT_MS + PONG_TIMEOUT_MS + 1000);
    expect(marks(session.trace.events).some((m) => /socket closed \(code 4000\)/.test(m.label))).toBe(true);
    const opens = marks(session.trace.events).filter((m) => m.kind === 'open');
    expect(opens.at(-1)!.t).toBeGreaterThan(140_000);
    const result = session.finish();
    expect(result.metrics.lostEvents).toBe(0);
  });

  it('after a restart every page reconnects at its own random moment, catching up from the last version it had', async () => {
    const chat = level('team-chat', { 'world.restartsAtMs': [30_000] });
    const r = await simulate({ level: chat, pattern: 'websocket', params: {}, seed: 1 }, nodeHost());
    const closes = marks(r.trace).filter((m) => m.kind === 'close' && m.t >= 30_000 && m.t < 31_000);
    const again = packets(r.trace).filter((p) => p.kind === 'handshake' && p.t >= 30_000);
    expect(again).toHaveLength(3);
    expect(new Set(again.map((h) => h.t)).size).toBe(3);
    for (const h of again) {
      const closed = closes.find((c) => c.actor === h.from)!;
      expect(h.t - closed.t).toBeLessThanOrEqual(1000);
      expect(h.label).toMatch(/\?since=\d+ \(Upgrade: websocket\)$/);
    }
    expect(r.metrics.lostEvents).toBe(0);
    expect(r.metrics.failedSubmissions).toBe(0);
  });

  it('a quiet socket stays open under the proxy idle timeout: its own pings keep it busy', async () => {
    const r = await simulate({ level: level('wheres-my-package', withSocket), pattern: 'websocket', params: {}, seed: 1 }, nodeHost());
    expect(packets(r.trace).filter((p) => p.kind === 'handshake')).toHaveLength(1);
    expect(marks(r.trace).filter((m) => m.kind === 'close' && m.t < r.metrics.durationMs)).toEqual([]);
  });
});
