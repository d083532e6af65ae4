import type { AppContext, Update } from './app.ts';

/**
 * Webhook: tell the server once where to reach you, then let it POST to your endpoint whenever
 * something changes. Every delivery is signed (Standard Webhooks: HMAC-SHA256 over id, timestamp and
 * body with the secret you got when you subscribed); your endpoint checks the signature and the
 * timestamp, answers 2xx at once and does the work after. Delivery is at least once: a retry of a
 * delivery you already had carries the same id, so you act on each id once.
 * A webhook only brings news in: what the user does goes out as an ordinary POST.
 * Subscribing, with its retries, is driven by its XState wiring, ./webhook-machine.ts.
 */
/** Tell the server where to POST; its answer carries the secret the deliveries will be signed with. */
export async function subscribe(api: string, webhookUrl: string): Promise<string> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Every kind of event this API sends (as Stripe's enabled_events: ['*']); a real app lists the ones it handles.
    body: JSON.stringify({ url: webhookUrl, events: ['*'] }),
  });
  if (!response.ok) throw new Error(`Subscription refused: HTTP ${response.status}`);
  const { secret } = (await response.json()) as { secret: string };
  return secret;
}

/** How far a delivery's timestamp may be from your clock before it is refused as a replay. */
export const TOLERANCE_MS = 5 * 60_000;

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Check a delivery: 'ok', 'stale' (a timestamp too far from now: a replay) or 'forged' (no valid signature). */
export async function verify(secret: string, headers: Headers, body: string, nowMs: number): Promise<'ok' | 'stale' | 'forged'> {
  const id = headers.get('webhook-id');
  const timestamp = headers.get('webhook-timestamp');
  const signatures = headers.get('webhook-signature');
  if (!id || !timestamp || !signatures) return 'forged';
  if (!(Math.abs(nowMs - Number(timestamp) * 1000) <= TOLERANCE_MS)) return 'stale';
  const key = await crypto.subtle.importKey('raw', bytes(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  // The header may list several signatures (while a secret is rotated): one that verifies is enough.
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',');
    if (version === 'v1' && signature && (await crypto.subtle.verify('HMAC', key, bytes(signature), signed))) return 'ok';
  }
  return 'forged';
}

/** What your app has acted on, by resource and change (`<resource>#<version>`), shared by the receiver and the reconciliation. */
export type Handled = Set<string>;

const changeKey = (update: Update) => `${update.id ?? ''}#${update.version}`;

function parse(body: string): Update | undefined {
  try {
    const update = JSON.parse(body) as Update;
    return typeof update === 'object' && update !== null && typeof update.version === 'number' ? update : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Your endpoint: verify, dedupe on the delivery's id, ignore a status older than the one shown, answer
 * 204 at once, then act. `secret()` is the secret from the subscription (undefined until its answer has
 * come back). Each check is a defence (`app.defends`): a level may let the player leave it out, to see
 * what it was for.
 */
export function webhookReceiver(app: AppContext, secret: () => string | undefined, handled: Handled = new Set()) {
  const seen = new Set<string>();
  /** The newest version shown of each resource. */
  const shown = new Map<string, number>();
  return async (request: Request): Promise<Response> => {
    const body = await request.text();
    if (app.defends('verify')) {
      const key = secret();
      const check = key ? await verify(key, request.headers, body, app.clock.now()) : 'forged';
      if (check !== 'ok') {
        app.caught(
          'verify',
          check === 'stale' ? 'refused a delivery with a stale timestamp (a replay?)' : 'refused a delivery whose signature does not verify',
        );
        return new Response(null, { status: 401 });
      }
    }
    const id = request.headers.get('webhook-id') ?? '';
    if (app.defends('dedupe') && id) {
      if (seen.has(id)) {
        app.caught('dedupe', `delivery ${id} again: already handled, acknowledged and ignored`);
        return new Response(null, { status: 204 });
      }
      seen.add(id);
    }
    const update = parse(body);
    if (!update) return new Response(null, { status: 400 });
    const resource = update.id ?? '';
    if (app.defends('ordered')) {
      const newest = shown.get(resource) ?? -Infinity;
      if (update.version < newest) {
        app.caught('ordered', `"${update.status}" (version ${update.version}) arrived after version ${newest}: known, not shown`);
        app.clock.setTimeout(() => app.show(update, { displayed: false }), 0);
        return new Response(null, { status: 204 });
      }
      shown.set(resource, update.version);
    }
    // Acknowledge now; the work happens after the answer has gone.
    app.clock.setTimeout(() => {
      handled.add(changeKey(update));
      app.handle(update);
    }, 0);
    return new Response(null, { status: 204 });
  };
}

/** How often the reconciliation asks the provider's API what it has, in case a delivery never came. */
export const RECONCILE_EVERY_MS = 60 * 60_000;

/**
 * Reconcile: ask the provider's API for each resource, and act on every change in its history that no
 * delivery brought (the receiver was down, the sender gave up). An API that keeps only the latest
 * state cannot tell of the changes before it.
 */
export async function reconcile(app: AppContext, handled: Handled): Promise<void> {
  for (const url of app.endpoints.resources) {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) continue;
    const state = (await response.json()) as Update;
    for (const event of state.events ?? []) {
      const change = { id: state.id, version: event.id, status: event.status, events: [event] };
      if (event.id <= 0 || handled.has(changeKey(change))) continue;
      handled.add(changeKey(change));
      app.caught('reconcile', `found "${event.status}", which no delivery brought`);
      app.handle(change);
    }
  }
}
