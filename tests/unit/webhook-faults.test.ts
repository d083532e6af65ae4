import { describe, expect, it } from 'vitest';
import { findMoments } from '../../src/flow/moments.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { newSecret, signWebhook } from '../../src/net/webhook-signature.ts';
import type { AppContext, Update } from '../../src/patterns/app.ts';
import { RECONCILE_EVERY_MS, webhookReceiver } from '../../src/patterns/webhook.ts';
import { Session } from '../../src/run/session.ts';
import { VirtualClock } from '../../src/sim/clock.ts';
import { computeMetrics } from '../../src/sim/metrics.ts';
import { createRandom } from '../../src/sim/random.ts';
import { Trace, type MarkEvent, type PacketEvent } from '../../src/sim/trace.ts';
import { level } from './helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** The receiver alone, with the clock driven by hand and the given defences on. */
function receiver(defences: string[]) {
  const clock = new VirtualClock();
  const handled: Update[] = [];
  const known: Update[] = [];
  const caught: string[] = [];
  const app = {
    clock,
    show: (u: Update) => known.push(u),
    handle: (u: Update) => handled.push(u),
    note: () => undefined,
    caught: (name: string) => caught.push(name),
    defends: (name: string) => defences.includes(name),
  } as unknown as AppContext;
  const secret = newSecret(createRandom(3));
  return { clock, handled, known, caught, handle: webhookReceiver(app, () => secret), secret };
}

async function delivery(secret: string, id: string, update: Update, sentAtMs = 0): Promise<Request> {
  const body = JSON.stringify(update);
  const timestamp = String(Math.floor(sentAtMs / 1000));
  return new Request('https://shop.example/webhooks', {
    method: 'POST',
    headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': await signWebhook(secret, id, timestamp, body) },
    body,
  });
}

const marks = (s: Session) => s.trace.events.filter((e): e is MarkEvent => e.type === 'mark');
const packets = (s: Session) => s.trace.events.filter((e): e is PacketEvent => e.type === 'packet');
const acted = (s: Session, resource?: string) => marks(s).filter((m) => m.kind === 'acted' && (resource === undefined || m.resource === resource));

describe('the receiver, clock by hand: what each defence does with a delivery', () => {
  const paid = { id: 'ord_1', version: 1, status: 'Paid', events: [{ id: 1, status: 'Paid' }] };

  it('the same delivery twice: acted on twice without dedupe, once with it (both acknowledged)', async () => {
    for (const [defences, times] of [[[], 2] as const, [['dedupe'], 1] as const]) {
      const r = receiver([...defences]);
      for (let i = 0; i < 2; i++) expect((await r.handle(await delivery(r.secret, 'msg_1', paid))).status).toBe(204);
      await r.clock.advanceTo(10);
      expect(r.handled, defences.join()).toHaveLength(times);
    }
  });

  it('ordered: a status older than the one shown is known but not acted on; without it, it is', async () => {
    const outForDelivery = { id: 'PKG', version: 3, status: 'Out for delivery', events: [{ id: 3, status: 'Out for delivery' }] };
    const delivered = { id: 'PKG', version: 4, status: 'Delivered', events: [{ id: 4, status: 'Delivered' }] };
    for (const on of [true, false]) {
      const r = receiver(on ? ['ordered'] : []);
      await r.handle(await delivery(r.secret, 'msg_4', delivered));
      await r.clock.advanceTo(1);
      expect((await r.handle(await delivery(r.secret, 'msg_3', outForDelivery))).status).toBe(204);
      await r.clock.advanceTo(2);
      expect(r.handled.map((u) => u.status)).toEqual(on ? ['Delivered'] : ['Delivered', 'Out for delivery']);
      expect(r.caught).toEqual(on ? ['ordered'] : []);
      if (on) expect(r.known.map((u) => u.status)).toEqual(['Out for delivery']);
    }
  });
});

describe('what a run measures of what your app acted on', () => {
  it('acting twice on one change, on a change that never happened, and on an older state after a newer one', () => {
    const trace = new Trace();
    const world = (t: number, eventId: number, resource: string) => trace.mark({ kind: 'world', t, actor: 'api', label: '', eventId, resource });
    const act = (t: number, eventId: number, resource: string) => trace.mark({ kind: 'acted', t, actor: 'app', label: '', eventId, resource });
    world(0, 1, 'a');
    world(10, 2, 'a');
    act(20, 2, 'a');
    act(30, 1, 'a'); // older than the one shown
    act(40, 2, 'a'); // again
    act(50, 3, 'a'); // never happened
    act(60, 9, 'b'); // never happened, and no older one shown on b
    world(70, 3, 'a');
    const m = computeMetrics(trace.events, { clients: ['app'], servers: ['api'], endMs: 100 });
    expect([m.duplicateActions, m.falseActions, m.staleShown]).toEqual([1, 2, 1]);
  });
});

describe('webhook faults through the network, clock by hand', () => {
  it('an answer held past the sender’s 10 s timeout: the same delivery comes again, acted on twice without dedupe, once with it', async () => {
    for (const dedupe of [0, 1]) {
      const s = new Session({ level: level('slow-monday'), pattern: 'webhook', params: { dedupe }, seed: 1 }, nodeHost());
      s.start();
      await s.advanceTo(23 * MIN + 5000);
      // The shop had it and acted at once; its 204 is held for 15 s.
      expect(acted(s, 'ord_2')).toHaveLength(1);
      await s.advanceTo(25 * MIN);
      const attempts = packets(s).filter((p) => p.kind === 'webhook' && p.t >= 23 * MIN);
      expect(attempts.map((p) => p.attempt)).toEqual([1, 2]);
      // The sender stopped waiting after 10 s and tried again a minute later, with the same id.
      expect(attempts[1].t - attempts[0].t).toBeGreaterThanOrEqual(70_000);
      expect(new Set(attempts.map((p) => p.wire?.headers.find(([k]) => k === 'webhook-id')?.[1])).size).toBe(1);
      expect(
        marks(s)
          .filter((m) => m.kind === 'note' && m.actor === 'payments')
          .map((m) => m.label),
      ).toEqual(['No answer to msg_2 (attempt 1) within 10 s: counted as failed']);
      expect(acted(s, 'ord_2')).toHaveLength(dedupe ? 1 : 2);
      const result = s.finish();
      expect(result.metrics.duplicateActions).toBe(dedupe ? 0 : 1);
      expect(result.caught).toEqual(dedupe ? { dedupe: 1 } : {});
      // Acting twice is a moment that decides the verdict: the stage calls it out, the timeline marks it.
      const missteps = findMoments(result.trace, result.metrics.durationMs).filter((m) => m.kind === 'misstep');
      expect(missteps.map((m) => m.label)).toEqual(dedupe ? [] : ['Acted twice on one change']);
    }
  });

  it('a sender that gives each retry a new id defeats dedupe on the id', async () => {
    const s = new Session({ level: level('slow-monday', { 'source.newIdEachAttempt': true }), pattern: 'webhook', params: { dedupe: 1 }, seed: 1 }, nodeHost());
    s.start();
    await s.advanceTo(25 * MIN);
    const ids = packets(s)
      .filter((p) => p.kind === 'webhook' && p.t >= 23 * MIN)
      .map((p) => p.wire?.headers.find(([k]) => k === 'webhook-id')?.[1]);
    expect(ids).toEqual(['msg_2', 'msg_2_retry1']);
    expect(acted(s, 'ord_2')).toHaveLength(2);
    s.finish();
  });

  it('a replayed and a forged "payment succeeded" from a stranger: acted on without verify, both refused with 401 with it', async () => {
    for (const verify of [0, 1]) {
      const s = new Session({ level: level('payment-from-nowhere'), pattern: 'webhook', params: { verify, dedupe: 0 }, seed: 1 }, nodeHost());
      s.start();
      await s.advanceTo(40 * MIN);
      const fromStranger = packets(s).filter((p) => p.kind === 'webhook' && p.from === 'stranger');
      expect(fromStranger).toHaveLength(2);
      // The simulation's note of who sent it never goes on the wire.
      expect(fromStranger.every((p) => !p.wire?.headers.some(([k]) => k.startsWith('x-sim')))).toBe(true);
      const answers = packets(s).filter((p) => p.kind === 'response' && fromStranger.some((w) => w.seq === p.replyTo));
      expect(answers.map((p) => p.status)).toEqual(verify ? [401, 401] : [204, 204]);
      const result = s.finish();
      expect([result.metrics.duplicateActions, result.metrics.falseActions]).toEqual(verify ? [0, 0] : [1, 1]);
    }
  });

  it('with the leaked secret, a forgery verifies: only the replay is refused (by its stale timestamp)', async () => {
    const s = new Session(
      { level: level('payment-from-nowhere', { 'world.attacks[1].leakedSecret': true }), pattern: 'webhook', params: { verify: 1, dedupe: 0 }, seed: 1 },
      nodeHost(),
    );
    s.start();
    await s.advanceTo(40 * MIN);
    expect(
      marks(s)
        .filter((m) => m.kind === 'defence')
        .map((m) => m.label),
    ).toEqual(['refused a delivery with a stale timestamp (a replay?)']);
    expect(s.finish().metrics.falseActions).toBe(1);
  });

  it('a retried "Out for delivery" after "Delivered": shown again without ordered, ignored with it, known either way', async () => {
    for (const ordered of [0, 1]) {
      const s = new Session({ level: level('out-again'), pattern: 'webhook', params: { ordered }, seed: 1 }, nodeHost());
      s.start();
      await s.advanceTo(5 * HOUR + 21 * MIN);
      expect(acted(s).map((m) => m.label)).toEqual(['acts on: In transit', 'acts on: Delivered']);
      await s.advanceTo(5 * HOUR + 31 * MIN);
      expect(acted(s).map((m) => m.label)).toEqual(['acts on: In transit', 'acts on: Delivered', ...(ordered ? [] : ['acts on: Out for delivery'])]);
      expect(
        marks(s)
          .filter((m) => m.kind === 'known')
          .map((m) => m.label),
      ).toContain('Out for delivery');
      const result = s.finish();
      expect(result.metrics.staleShown).toBe(ordered ? 0 : 1);
      expect(result.metrics.lostEvents).toBe(0);
    }
  });

  it('reconcile: the payments the sender gave up on during the outage are found by the next hourly request', async () => {
    const s = new Session({ level: level('an-hour-offline'), pattern: 'webhook', params: { reconcile: 1 }, seed: 1 }, nodeHost());
    s.start();
    await s.advanceTo(RECONCILE_EVERY_MS - 1);
    expect(packets(s).filter((p) => p.kind === 'request' && p.label.startsWith('GET'))).toHaveLength(0);
    await s.advanceTo(3 * HOUR - 1);
    // The outage is from 2 h to 3 h: the payments of 2:05 and 2:20 were tried four times each, all refused.
    expect(acted(s)).toHaveLength(2);
    await s.advanceTo(3 * HOUR + 5000);
    expect(acted(s)).toHaveLength(4);
    expect(marks(s).filter((m) => m.kind === 'defence' && m.defence === 'reconcile')).toHaveLength(2);
    await s.advanceTo(s.endMs);
    const result = s.finish();
    expect(result.metrics.lostEvents).toBe(0);
    // One subscription and one request an hour.
    expect(result.metrics.requests).toBe(1 + 11);
  });
});
