import { http, HttpResponse, ws, type RequestHandler, type WebSocketHandler } from 'msw';
import { exchange, outcomeOfStatus, type Answer } from './exchange.ts';
import { frameBytes, textBytes } from './wire.ts';
import type { World } from './world.ts';

/**
 * The level's servers as MSW handlers: the source server's REST resource (with ETag and 304 Not
 * Modified where it offers conditional requests), its webhook subscriptions, its WebSocket endpoint
 * (or the refusal of one), and your app's own endpoints (where webhooks are delivered).
 * One list, served in the browser and in Node alike.
 */

export type Handler = RequestHandler | WebSocketHandler;

const notFound = (what: string) =>
  HttpResponse.json({ error: 'not_found', message: what }, { status: 404, statusText: 'Not Found' });

const tooMany = (waitMs: number) =>
  HttpResponse.json(
    { error: 'rate_limited', message: 'Too many requests: slow down.' },
    { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) } },
  );

function sourceHandlers(world: World): Handler[] {
  const { level } = world;
  const source = world.source;
  const base = `https://${source.host}`;
  const offers = level.source.offers;
  const parties = { from: world.you.id, to: source.id, kind: 'request' as const };
  /** The source's answer, after its rate limit has had its say. */
  const limited = (answer: () => Answer | Promise<Answer>) => () => {
    const wait = world.rateLimited();
    return wait > 0 ? { response: tooMany(wait), outcome: 'rate-limited' as const } : answer();
  };

  const resources = world.resources.map((state, i) => {
    const served = { version: -1 };
    return http.get(`${base}${world.resourcePath(i)}`, ({ request }) =>
      exchange(
        world,
        parties,
        request,
        limited(() => {
          const etag = `"v${state.version}"`;
          const unchangedForClient = served.version === state.version;
          served.version = state.version;
          if (offers.conditionalRequests && request.headers.get('if-none-match') === etag) {
            return { response: new HttpResponse(null, { status: 304, statusText: 'Not Modified', headers: { etag } }), outcome: 'unchanged' };
          }
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (offers.conditionalRequests) headers.etag = etag;
          const response = new HttpResponse(world.payload(i), { status: 200, statusText: 'OK', headers });
          return { response, outcome: unchangedForClient ? 'unchanged' : 'ok' };
        }),
      ),
    );
  });

  const subscribe = http.post(`${base}/v1/webhooks`, ({ request }) =>
    exchange(
      world,
      parties,
      request,
      limited(async () => {
        if (!offers.webhooks) return { response: notFound('This API offers no webhooks.'), outcome: 'refused' };
        const body = (await request.json().catch(() => ({}))) as { url?: unknown };
        if (typeof body.url !== 'string' || !/^https:\/\//.test(body.url)) {
          return { response: HttpResponse.json({ error: 'invalid_url' }, { status: 422, statusText: 'Unprocessable Content' }), outcome: 'error' };
        }
        world.subscriptions.add(body.url);
        return { response: HttpResponse.json({ id: `wh_${world.subscriptions.size}`, url: body.url }, { status: 201, statusText: 'Created' }), outcome: 'ok' };
      }),
    ),
  );

  const otherwise = http.all(`${base}/*`, ({ request }) =>
    exchange(world, parties, request, () => ({ response: notFound(`No route ${new URL(request.url).pathname}`), outcome: 'error' })),
  );

  return [...resources, subscribe, otherwise, socketHandler(world)];
}

function socketHandler(world: World): WebSocketHandler {
  const { clock, trace, level } = world;
  const source = world.source;
  const you = world.you.id;
  return ws.link(`wss://${source.host}/*`).addEventListener('connection', ({ client }) => {
    const url = new URL(client.url);
    const connection = world.connectionId();
    const handshake =
      `GET ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
      `sec-websocket-key: ${'x'.repeat(24)}\r\nsec-websocket-version: 13\r\n\r\n`;
    const up = world.hop();
    const t0 = clock.now();
    const sent = trace.packet({
      kind: 'handshake', t: t0, arriveAt: t0 + up.latencyMs, from: you, to: source.id,
      label: `GET ${url.pathname} (Upgrade: websocket)`, size: textBytes(handshake), outcome: up.lost ? 'lost' : 'ok', connection,
    });
    const down = world.hop();
    const answeredAt = t0 + up.latencyMs;
    if (up.lost || !level.source.offers.websocket) {
      if (!up.lost) {
        const refusal = 'HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n';
        trace.packet({
          kind: 'response', t: answeredAt, arriveAt: answeredAt + down.latencyMs, from: source.id, to: you,
          label: '404 Not Found (no WebSocket here)', size: textBytes(refusal), outcome: 'refused', status: 404, replyTo: sent.seq, connection,
        });
      }
      // A failed handshake reaches the page as close code 1006. The interceptor opens a socket
      // right after this listener returns, so the refusal has to be said now.
      client.close(1006, up.lost ? 'Connection lost' : 'Not Found');
      return;
    }
    const accept = 'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ' + 'x'.repeat(28) + '\r\n\r\n';
    trace.packet({
      kind: 'response', t: answeredAt, arriveAt: answeredAt + down.latencyMs, from: source.id, to: you,
      label: '101 Switching Protocols', size: textBytes(accept), outcome: 'ok', status: 101, replyTo: sent.seq, connection,
    });
    clock.setTimeout(() => trace.mark({ kind: 'open', t: clock.now(), actor: you, label: 'WebSocket open', connection }), up.latencyMs + down.latencyMs);
    // Once the handshake is done the server sends what it has now, then every change as it happens.
    clock.setTimeout(() => world.resources.forEach((_, i) => world.sockets.get(connection)?.push(world.payload(i))), up.latencyMs);

    let open = true;
    world.sockets.set(connection, {
      id: connection,
      push: (payload) => {
        const hop = world.hop();
        trace.packet({
          kind: 'frame', t: clock.now(), arriveAt: clock.now() + hop.latencyMs, from: source.id, to: you,
          label: 'push', size: frameBytes(payload, false), outcome: hop.lost ? 'lost' : 'ok', connection,
        });
        void clock.sleep(hop.latencyMs).then(() => {
          if (open && !hop.lost) client.send(payload);
        });
      },
    });
    client.addEventListener('message', (event) => {
      const data = typeof event.data === 'string' ? event.data : '';
      const hop = world.hop();
      trace.packet({
        kind: 'frame', t: clock.now(), arriveAt: clock.now() + hop.latencyMs, from: you, to: source.id,
        label: data.length > 24 ? data.slice(0, 24) + '…' : data || 'frame', size: frameBytes(data, true), outcome: hop.lost ? 'lost' : 'ok', connection,
      });
    });
    const heartbeat = level.source.heartbeatMs;
    const beat = () => {
      if (!open || !heartbeat) return;
      // A ping from the server, answered by the browser itself with a pong: the page's code never sees either.
      const ping = world.hop();
      const t = clock.now();
      trace.packet({ kind: 'frame', t, arriveAt: t + ping.latencyMs, from: source.id, to: you, label: 'ping', size: frameBytes('', false), outcome: 'ok', connection });
      const back = world.hop();
      trace.packet({ kind: 'frame', t: t + ping.latencyMs, arriveAt: t + ping.latencyMs + back.latencyMs, from: you, to: source.id, label: 'pong', size: frameBytes('', true), outcome: 'ok', connection });
      clock.setTimeout(beat, heartbeat);
    };
    if (heartbeat) clock.setTimeout(beat, heartbeat);
    client.addEventListener('close', () => {
      open = false;
      world.sockets.delete(connection);
      trace.mark({ kind: 'close', t: clock.now(), actor: you, label: 'WebSocket closed', connection });
    });
  });
}

/** Your app's endpoints: what arrives there was sent by the source server (a webhook delivery). */
function appHandlers(world: World): Handler[] {
  const base = `https://${world.you.host}`;
  return [
    http.all(`${base}/*`, ({ request }) => {
      const attempt = Number(request.headers.get('webhook-attempt') ?? '1');
      const parties = { from: world.source.id, to: world.you.id, kind: 'webhook' as const, attempt };
      return exchange(world, { ...parties, reachable: () => world.you.reachable !== false && world.appRunning() }, request, async () => {
        const route = world.appRoutes.get(new URL(request.url).pathname);
        if (!route) return { response: notFound('Nothing listens here.'), outcome: 'refused' };
        const response = await route(request);
        return { response, outcome: outcomeOfStatus(response.status) };
      });
    }),
  ];
}

export function createHandlers(world: World): Handler[] {
  return [...sourceHandlers(world), ...appHandlers(world)];
}
