import { describe, expect, it } from 'vitest';
import { countAtMost } from '../../src/sim/sorted.ts';
import { computeMetrics, percentile } from '../../src/sim/metrics.ts';
import { createRandom } from '../../src/sim/random.ts';
import { Trace } from '../../src/sim/trace.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks independent streams by label', () => {
    const r = createRandom(7);
    expect(r.fork('net').next()).toBe(createRandom(7).fork('net').next());
    expect(r.fork('net').next()).not.toBe(r.fork('world').next());
  });
});

describe('computeMetrics', () => {
  it('measures requests, empty answers, bytes, staleness and lost events from a trace', () => {
    const trace = new Trace();
    trace.mark({ kind: 'world', t: 1000, actor: 'api', label: 'changed', eventId: 1 });
    trace.mark({ kind: 'world', t: 5000, actor: 'api', label: 'changed again', eventId: 2 });
    const req = trace.packet({ kind: 'request', t: 0, arriveAt: 100, from: 'app', to: 'api', label: 'GET /x', size: 50, outcome: 'ok' });
    trace.packet({ kind: 'response', t: 100, arriveAt: 200, from: 'api', to: 'app', label: '304', size: 30, outcome: 'unchanged', replyTo: req.seq });
    trace.packet({ kind: 'request', t: 3000, arriveAt: 3100, from: 'app', to: 'api', label: 'GET /x', size: 50, outcome: 'ok' });
    trace.packet({ kind: 'response', t: 3100, arriveAt: 3200, from: 'api', to: 'app', label: '200', size: 80, outcome: 'ok' });
    trace.mark({ kind: 'known', t: 3200, actor: 'app', label: 'changed', eventId: 1 });
    const m = computeMetrics(trace.events, { clients: ['app'], servers: ['api'], endMs: 10_000 });
    expect(m.requests).toBe(2);
    expect(m.emptyResponses).toBe(1);
    expect(m.bytes).toBe(210);
    expect(m.events).toBe(2);
    expect(m.lostEvents).toBe(1);
    expect(m.stalenessMaxMs).toBe(5000); // event 2 never learned: counts until the end
    expect(m.stalenessP50Ms).toBe(2200);
    expect(m.peakServerRps).toBe(1);
  });

  it('sums connection time and counts webhook failures and retries', () => {
    const trace = new Trace();
    trace.mark({ kind: 'open', t: 1000, actor: 'app', label: 'open', connection: 'c1' });
    trace.mark({ kind: 'close', t: 4000, actor: 'app', label: 'close', connection: 'c1' });
    trace.mark({ kind: 'open', t: 8000, actor: 'app', label: 'open', connection: 'c2' });
    const w1 = trace.packet({ kind: 'webhook', t: 0, arriveAt: 10, from: 'api', to: 'app', label: 'POST', size: 10, outcome: 'ok', attempt: 1 });
    trace.packet({ kind: 'response', t: 10, arriveAt: 20, from: 'app', to: 'api', label: '500', size: 10, outcome: 'error', replyTo: w1.seq });
    trace.packet({ kind: 'webhook', t: 60, arriveAt: 70, from: 'api', to: 'app', label: 'POST', size: 10, outcome: 'lost', attempt: 2 });
    const m = computeMetrics(trace.events, { clients: ['app'], servers: ['api', 'app'], endMs: 10_000 });
    expect(m.connectionMs).toBe(3000 + 2000);
    expect(m.deliveries).toBe(2);
    expect(m.failedDeliveries).toBe(2);
    expect(m.retriedDeliveries).toBe(1);
  });

  it('with several clients, every client must learn every change; actions are timed to their first answer', () => {
    const trace = new Trace();
    trace.mark({ kind: 'act', t: 1000, actor: 'ana', label: 'Ana sends', act: 1 });
    trace.mark({ kind: 'world', t: 1100, actor: 'chat', label: 'hi', eventId: 1, act: 1 });
    trace.mark({ kind: 'known', t: 1200, actor: 'ana', label: 'hi', eventId: 1 });
    trace.mark({ kind: 'known', t: 1900, actor: 'ben', label: 'hi', eventId: 1 });
    trace.mark({ kind: 'act', t: 3000, actor: 'ben', label: 'Ben sends', act: 2 }); // never reaches the server
    trace.mark({ kind: 'endpoint', t: 0, actor: 'ana', label: 'Opened a public endpoint' });
    const m = computeMetrics(trace.events, { clients: ['ana', 'ben', 'chen'], servers: ['chat'], endMs: 10_000 });
    expect(m.stalenessMaxMs).toBe(10_000 - 1100); // chen never learned it
    expect(m.stalenessP50Ms).toBe(800);
    expect(m.lostEvents).toBe(1);
    expect(m.firstByteMs).toBe(10_000 - 3000); // Ben's act never got an answer
    expect(m.failedSubmissions).toBe(1);
    expect(m.publicEndpoints).toBe(1);
    const answered = computeMetrics(trace.events.slice(0, 4), { clients: ['ana', 'ben'], servers: ['chat'], endMs: 10_000 });
    expect(answered.firstByteMs).toBe(200);
    expect(answered.lostEvents).toBe(0);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([1, 2, 3, 4], 100)).toBe(4);
  });
});

describe('cost metrics, from a trace written by hand', () => {
  it('connection time and bytes per change, connections open at once, peaks per second at a server, reconnections', () => {
    const trace = new Trace();
    // Two clients hold a connection each; b loses its and opens it again.
    trace.mark({ kind: 'open', t: 0, actor: 'a', label: 'open', connection: 'c1' });
    trace.mark({ kind: 'open', t: 100, actor: 'b', label: 'open', connection: 'c2' });
    trace.mark({ kind: 'close', t: 5000, actor: 'b', label: 'closed', connection: 'c2' });
    trace.packet({ kind: 'handshake', t: 5200, arriveAt: 5300, from: 'b', to: 'api', label: 'GET /live', size: 200, outcome: 'ok', reconnect: true });
    trace.mark({ kind: 'open', t: 5400, actor: 'b', label: 'open', connection: 'c3' });
    trace.mark({ kind: 'world', t: 1000, actor: 'api', label: 'x: 1', eventId: 1, resource: 'x' });
    trace.mark({ kind: 'world', t: 2000, actor: 'api', label: 'x: 2', eventId: 2, resource: 'x' });
    // The server pushes both changes to both clients; a never learns change 1, only change 2.
    for (const [t, to] of [
      [1000, 'a'],
      [1000, 'b'],
      [2000, 'a'],
      [2000, 'b'],
    ] as const)
      trace.packet({
        kind: 'frame',
        t,
        arriveAt: t + 50,
        from: 'api',
        to,
        label: 'push',
        size: 50,
        outcome: 'ok',
        retransmits: to === 'a' && t === 1000 ? 1 : undefined,
      });
    trace.mark({ kind: 'known', t: 1050, actor: 'b', label: 'x: 1', eventId: 1 });
    trace.mark({ kind: 'known', t: 2050, actor: 'a', label: 'x: 2', eventId: 2 });
    trace.mark({ kind: 'known', t: 2050, actor: 'b', label: 'x: 2', eventId: 2 });
    const m = computeMetrics(trace.events, { clients: ['a', 'b'], servers: ['api'], endMs: 10_000 });
    expect(m.connectionMs).toBe(10_000 + 4900 + 4600);
    expect(m.connectionPerChangeMs).toBe((10_000 + 4900 + 4600) / 2);
    expect(m.peakConnections).toBe(2);
    expect(m.bytes).toBe(200 + 4 * 50 + 50);
    expect(m.bytesPerChange).toBe(225);
    expect(m.retransmits).toBe(1);
    expect(m.peakPushesPerSecond).toBe(2);
    expect(m.peakRequestsPerSecond).toBe(1);
    expect(m.reconnects).toBe(1);
    expect(m.peakReconnectsPerSecond).toBe(1);
    // a never learned change 1, so its staleness runs to the end; but a showed change 2, newer, 1050 ms after change 1.
    expect(m.stalenessMaxMs).toBe(9000);
    expect(m.latestStalenessMaxMs).toBe(1050);
  });
});

describe('countAtMost', () => {
  it('counts the items of a sorted list at or below a value', () => {
    const xs = [1, 3, 3, 7];
    expect([0, 1, 2, 3, 6, 7, 9].map((x) => countAtMost(xs, x, (v) => v))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countAtMost([], 5, (v: number) => v)).toBe(0);
  });
});
