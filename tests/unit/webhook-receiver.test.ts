import { describe, expect, it } from 'vitest';
import { newSecret, signWebhook } from '../../src/net/webhook-signature.ts';
import type { AppContext, Update } from '../../src/patterns/app.ts';
import { TOLERANCE_MS, webhookReceiver } from '../../src/patterns/webhook.ts';
import { VirtualClock } from '../../src/sim/clock.ts';
import { createRandom } from '../../src/sim/random.ts';
import type { MarkEvent, PacketEvent } from '../../src/sim/trace.ts';
import { level, run } from './helpers.ts';

/** The receiver your app serves, on its own: a clock driven by hand, deliveries signed as the sender signs them. */
function receiver(secret: string | undefined) {
  const clock = new VirtualClock();
  const shown: Update[] = [];
  const notes: string[] = [];
  const app = {
    clock,
    show: () => undefined,
    handle: (u: Update) => shown.push(u),
    note: (n: string) => notes.push(n),
    caught: (_: string, n: string) => notes.push(n),
    defends: () => true,
  } as unknown as AppContext;
  return { clock, shown, notes, handle: webhookReceiver(app, () => secret) };
}

const secret = newSecret(createRandom(1));
const body = JSON.stringify({ version: 1, status: 'Paid' });

async function delivery(options: { id?: string; sentAtMs?: number; key?: string; signature?: string } = {}): Promise<Request> {
  const id = options.id ?? 'msg_1';
  const timestamp = String(Math.floor((options.sentAtMs ?? 0) / 1000));
  const signature = options.signature ?? (await signWebhook(options.key ?? secret, id, timestamp, body));
  return new Request('https://shop.example/webhooks', {
    method: 'POST',
    headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
    body,
  });
}

describe('the webhook receiver: Standard Webhooks, verified with Web Crypto', () => {
  it('accepts a delivery signed with its secret, answers 204 at once and acts after the answer', async () => {
    const r = receiver(secret);
    const response = await r.handle(await delivery());
    expect(response.status).toBe(204);
    expect(r.shown).toEqual([]);
    await r.clock.advanceTo(0);
    expect(r.shown).toEqual([{ version: 1, status: 'Paid' }]);
  });

  it('refuses a forged delivery: signed with another secret, a signature changed by one character, or none', async () => {
    const r = receiver(secret);
    const good = (await delivery()).headers.get('webhook-signature')!;
    const tampered = good.slice(0, -2) + (good.at(-2) === 'A' ? 'B' : 'A') + good.at(-1);
    for (const forged of [await delivery({ key: newSecret(createRandom(2)) }), await delivery({ signature: tampered }), await delivery({ signature: '' })]) {
      expect((await r.handle(forged)).status).toBe(401);
    }
    await r.clock.advanceTo(1000);
    expect(r.shown).toEqual([]);
    expect(r.notes.filter((n) => /signature/.test(n))).toHaveLength(3);
  });

  it('refuses a stale delivery (a replay): its timestamp is further than the tolerance from now', async () => {
    const r = receiver(secret);
    const captured = await delivery({ sentAtMs: 0 });
    await r.clock.advanceTo(TOLERANCE_MS + 2000);
    expect((await r.handle(captured)).status).toBe(401);
    expect(r.notes).toEqual(['refused a delivery with a stale timestamp (a replay?)']);
    expect((await r.handle(await delivery({ id: 'msg_2', sentAtMs: TOLERANCE_MS + 1000 }))).status).toBe(204);
  });

  it('acts on a delivery once when it comes again with the same id (at least once), and acknowledges both', async () => {
    const r = receiver(secret);
    expect((await r.handle(await delivery({ id: 'msg_7' }))).status).toBe(204);
    expect((await r.handle(await delivery({ id: 'msg_7' }))).status).toBe(204);
    expect((await r.handle(await delivery({ id: 'msg_8' }))).status).toBe(204);
    await r.clock.advanceTo(10);
    expect(r.shown).toHaveLength(2);
  });

  it('refuses deliveries while it does not know its secret yet', async () => {
    const r = receiver(undefined);
    expect((await r.handle(await delivery())).status).toBe(401);
  });
});

describe('at least once, through the network', () => {
  it('an acknowledgement lost in a burst of loss makes the sender deliver again; the shop acts on it once', async () => {
    const lvl = level('wheres-my-package');
    const firstScan = lvl.world.updates[0].atMs;
    // Everything sent from just after the first delivery leaves until 30 s later is lost: its 204 too.
    const bursty = level('wheres-my-package', { 'network.lossBursts': [{ fromMs: firstScan + 1, toMs: firstScan + 30_000, loss: 1 }] });
    const r = await run(bursty, 'webhook');
    const marks = r.trace.filter((e): e is MarkEvent => e.type === 'mark');
    const first = r.trace.filter((e): e is PacketEvent => e.type === 'packet' && e.kind === 'webhook' && e.t < firstScan + 5 * 60_000);
    expect(first.map((p) => p.attempt)).toEqual([1, 2]);
    expect(first.map((p) => p.outcome)).toEqual(['ok', 'ok']);
    expect(marks.filter((m) => m.kind === 'defence' && /again: already handled/.test(m.label))).toHaveLength(1);
    expect(marks.filter((m) => m.kind === 'known' && m.eventId === 1)).toHaveLength(1);
    expect(r.metrics.retriedDeliveries).toBe(1);
    expect(r.metrics.failedDeliveries).toBe(1);
    expect(r.metrics.lostEvents).toBe(0);
  });
});
