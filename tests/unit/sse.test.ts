import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/net/node-host.ts';
import { textBytes } from '../../src/net/wire.ts';
import { EventStreamParser, type ServerEvent } from '../../src/patterns/sse.ts';
import { Session, simulate } from '../../src/run/session.ts';
import type { PacketEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

function parse(...pieces: string[]): { events: ServerEvent[]; parser: EventStreamParser } {
  const events: ServerEvent[] = [];
  const parser = new EventStreamParser((e) => events.push(e));
  for (const piece of pieces) parser.push(piece);
  return { events, parser };
}

describe('the event-stream parser follows the HTML standard', () => {
  it('takes one optional space after the colon, and joins data lines with newlines', () => {
    const { events } = parse('data:no space\n\ndata:  two spaces\n\ndata: first\ndata: second\n\n');
    expect(events.map((e) => e.data)).toEqual(['no space', ' two spaces', 'first\nsecond']);
  });

  it('ends lines at CRLF, LF or CR, even when a CRLF is split between two pieces', () => {
    const { events } = parse('data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r', '\n\r', '\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips comment lines (heartbeats) and dispatches nothing for an event with no data', () => {
    const { events } = parse(': heartbeat\n\n', 'id: 3\n\n', ':\ndata: x\n\n');
    expect(events.map((e) => [e.data, e.lastEventId])).toEqual([['x', '3']]);
  });

  it('remembers the last id for later events, takes an empty id: as a reset, and reads event: and retry:', () => {
    const { events, parser } = parse('retry: 2500\nid: 7\nevent: price\ndata: 1\n\ndata: 2\n\nid\ndata: 3\n\nretry: soon\n\n');
    expect(events.map((e) => [e.type, e.data, e.lastEventId])).toEqual([
      ['price', '1', '7'],
      ['message', '2', '7'],
      ['message', '3', ''],
    ]);
    expect(parser.retryMs).toBe(2500);
  });

  it('drops a leading byte-order mark and keeps an event that is not finished until its blank line', () => {
    const { events } = parse('\uFEFFdata: hello', '\n', '\n');
    expect(events.map((e) => e.data)).toEqual(['hello']);
    expect(parse('data: half\n').events).toEqual([]);
  });
});

describe('a stream that breaks resumes from Last-Event-ID', () => {
  const idChunks = (s: Session, client: string) =>
    s.trace.events.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'chunk' && e.to === client && e.label.startsWith('id:'));

  it('after a restart the page reconnects with the last id it had, and the server sends only what came after', async () => {
    // A price every 2 s; the server restarts at 21 s, between two prices, and one more comes while the page is away.
    const lvl = level('live-ticker', { 'world.restartsAtMs': [21_000], 'source.heartbeatMs': 5000, 'source.latestOnly': false });
    const session = new Session({ level: lvl, pattern: 'sse', params: {}, seed: 1 }, nodeHost());
    session.start();
    // Just after the price written while the page is away: what a resumed stream should open with.
    await session.advanceTo(22_001);
    const resumed = textBytes(`id: 11\ndata: ${session.world.payload(0, 10)}\n\n`);
    expect(resumed).toBeLessThan(textBytes(`id: 11\ndata: ${session.world.payload(0)}\n\n`));
    await session.advanceTo(31_000);
    const chunks = idChunks(session, 'v1');
    const before = chunks.filter((c) => c.t < 21_000);
    const after = chunks.filter((c) => c.t >= 21_000);
    expect(before.at(-1)!.label).toBe('id: 10');
    // The reconnected stream opens with event 11 alone (written while the page was away), then goes on live.
    expect(after.map((c) => c.label).slice(0, 3)).toEqual(['id: 11', 'id: 12', 'id: 13']);
    expect(after[0].size).toBe(resumed);
    const result = session.finish();
    expect(result.metrics.lostEvents).toBe(0);
  });

  it('without a server heartbeat, a quiet stream is closed by the proxy, and the page reconnects and misses nothing', async () => {
    const quiet = level('wheres-my-package', { 'network.idleTimeoutMs': 60_000 });
    const session = new Session({ level: quiet, pattern: 'sse', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(quiet.world.updates[1].atMs + 60_000);
    const opens = session.trace.events.filter((e) => e.type === 'mark' && e.kind === 'open');
    expect(opens.length).toBeGreaterThan(100);
    const result = session.finish();
    expect(result.metrics.lostEvents).toBe(0);
    expect(result.metrics.stalenessMaxMs).toBeLessThan(2000);
  });

  it('with the server writing a comment every 30 s, the same stream stays open under a 60 s idle timeout', async () => {
    const beating = level('wheres-my-package', { 'network.idleTimeoutMs': 60_000, 'source.heartbeatMs': 30_000 });
    const session = new Session({ level: beating, pattern: 'sse', params: {}, seed: 1 }, nodeHost());
    session.start();
    await session.advanceTo(beating.world.updates[1].atMs + 60_000);
    const opens = session.trace.events.filter((e) => e.type === 'mark' && e.kind === 'open');
    expect(opens).toHaveLength(1);
    session.finish();
  });
});

describe("an answer's stream that breaks", () => {
  it('resumes from the resource stream with the last word it had: the rest of the answer arrives, nothing twice', async () => {
    const result = await simulate({ level: level('ai-answer', { 'world.restartsAtMs': [4000] }), pattern: 'sse', params: {}, seed: 1 }, nodeHost());
    const marks = result.trace.filter((e) => e.type === 'mark');
    expect(marks.some((m) => m.kind === 'note' && /answer's stream broke/.test(m.label))).toBe(true);
    const resumedWith = result.trace.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'chunk' && e.t > 4000 && e.label.startsWith('id:'));
    const firstAfter = Number(resumedWith[0].label.slice(4));
    const knownBefore = marks.filter((m) => m.kind === 'known' && m.t <= 4000).map((m) => m.eventId!);
    expect(firstAfter).toBeGreaterThan(Math.max(...knownBefore));
    expect(result.metrics.lostEvents).toBe(0);
  });
});
