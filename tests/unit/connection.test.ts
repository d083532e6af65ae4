import { describe, expect, it } from 'vitest';
import { Connection, type DropReason } from '../../src/net/connection.ts';
import { MAX_RETRANSMITS, Path } from '../../src/net/path.ts';
import { VirtualClock } from '../../src/sim/clock.ts';
import type { Random } from '../../src/sim/random.ts';
import { Trace, type PacketEvent } from '../../src/sim/trace.ts';

/** A Random whose losses are scripted: each hop takes the next answer (false when the script is done). */
function scripted(losses: boolean[]): Random {
  const script = [...losses];
  const random: Random = { next: () => 0, between: (min) => min, chance: () => script.shift() ?? false, fork: () => random };
  return random;
}

function setup(losses: boolean[] = [], options: { idleTimeoutMs?: number; latencyMs?: number } = {}) {
  const clock = new VirtualClock();
  const trace = new Trace();
  const path = new Path(scripted(losses), { latencyMs: options.latencyMs ?? 50, jitterMs: 0, loss: 0.5 });
  const connection = new Connection({ clock, trace, path, idleTimeoutMs: options.idleTimeoutMs }, 'c-1', 'page', 'server');
  const drops: Array<[string, DropReason, number]> = [];
  connection.onDrop('client', (reason) => drops.push(['client', reason, clock.now()]));
  connection.onDrop('server', (reason) => drops.push(['server', reason, clock.now()]));
  return { clock, trace, path, connection, drops };
}

const frame = (label: string) => ({ kind: 'frame' as const, label, size: 10 });

describe('a connection, with the clock driven by hand', () => {
  it('delivers in the order sent: a lost frame arrives one RTO late and the frames behind it wait for it', async () => {
    // Frame 1 is lost once; frames 2 and 3 get through at the first try.
    const { clock, connection, path } = setup([true, false, false, false]);
    const got: Array<[string, number]> = [];
    const sent: PacketEvent[] = [];
    for (const label of ['t1', 't2', 't3']) {
      sent.push(connection.send('server', frame(label), () => got.push([label, clock.now()]))!);
      await clock.advanceTo(clock.now() + 10);
    }
    await clock.advanceTo(5000);
    expect(got.map(([label]) => label)).toEqual(['t1', 't2', 't3']);
    expect(path.rtoMs).toBe(2 * 50 + 200);
    expect(got[0][1]).toBe(path.rtoMs + 50);
    expect(got[1][1]).toBe(got[0][1]);
    expect(got[2][1]).toBe(got[0][1]);
    expect(sent.map((p) => p.retransmits ?? 0)).toEqual([1, 0, 0]);
    expect(sent.map((p) => p.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(sent.map((p) => p.arriveAt)).toEqual(got.map(([, t]) => t));
  });

  it('doubles the wait at each further loss of the same segment', async () => {
    const { clock, connection, path } = setup([true, true, false]);
    let at = -1;
    connection.send('client', frame('ask'), () => (at = clock.now()));
    await clock.advanceTo(10_000);
    expect(at).toBe(path.rtoMs + 2 * path.rtoMs + 50);
  });

  it('gives up after MAX_RETRANSMITS losses of one segment: the sender drops, and its reset tells the other end', async () => {
    const losses = Array.from({ length: MAX_RETRANSMITS + 1 }, () => true);
    const { clock, connection, drops, path } = setup(losses);
    let arrived = false;
    const packet = connection.send('server', frame('push'), () => (arrived = true))!;
    expect(packet.outcome).toBe('lost');
    const giveUpAt = path.rtoMs * (2 ** (MAX_RETRANSMITS + 1) - 1);
    await clock.advanceTo(giveUpAt - 1);
    expect(drops).toEqual([]);
    await clock.advanceTo(giveUpAt + 1000);
    expect(arrived).toBe(false);
    expect(drops).toEqual([
      ['server', 'timeout', giveUpAt],
      ['client', 'reset', giveUpAt + 50],
    ]);
    expect(connection.send('client', frame('late'))).toBeUndefined();
  });

  it('when the reset is lost too, the other end stays half-open until it sends, and then hears the reset', async () => {
    const losses = [...Array.from({ length: MAX_RETRANSMITS + 1 }, () => true), true];
    const { clock, connection, drops, path } = setup(losses);
    connection.send('server', frame('push'));
    const giveUpAt = path.rtoMs * (2 ** (MAX_RETRANSMITS + 1) - 1);
    await clock.advanceTo(giveUpAt + 5000);
    expect(drops).toEqual([['server', 'timeout', giveUpAt]]);
    expect(connection.isOpen('client')).toBe(true);
    const late = connection.send('client', frame('ping'))!;
    await clock.advanceTo(clock.now() + 1000);
    expect(late.outcome).toBe('lost');
    expect(drops.at(-1)).toEqual(['client', 'reset', giveUpAt + 5000 + 50 + 50]);
  });

  it('a proxy closes a connection that carried nothing for its idle timeout; traffic keeps it open', async () => {
    const quiet = setup([], { idleTimeoutMs: 60_000 });
    await quiet.clock.advanceTo(59_000);
    expect(quiet.drops).toEqual([]);
    await quiet.clock.advanceTo(61_000);
    expect(quiet.drops).toEqual([
      ['client', 'idle', 60_050],
      ['server', 'idle', 60_050],
    ]);

    const busy = setup([], { idleTimeoutMs: 60_000 });
    for (let t = 30_000; t <= 180_000; t += 30_000) {
      await busy.clock.advanceTo(t);
      busy.connection.send('client', frame('ping'), () => busy.connection.send('server', frame('pong')));
    }
    await busy.clock.advanceTo(200_000);
    expect(busy.drops).toEqual([]);
  });

  it('a restart drops the server end at once and resets the client one hop later', async () => {
    const { clock, connection, drops } = setup();
    await clock.advanceTo(1000);
    connection.restart();
    await clock.advanceTo(2000);
    expect(drops).toEqual([
      ['server', 'restart', 1000],
      ['client', 'reset', 1050],
    ]);
  });

  it('an orderly close reaches the other end behind everything sent before it', async () => {
    const { clock, connection, drops } = setup([true]);
    let arrived = -1;
    connection.send('server', frame('last word'), () => (arrived = clock.now()));
    connection.close('server');
    await clock.advanceTo(5000);
    expect(drops).toEqual([['client', 'closed', arrived]]);
    expect(arrived).toBeGreaterThan(50);
  });
});
