import { http, HttpResponse, ws, type WebSocketHandler } from 'msw';
import { appHandlers } from './app-handlers.ts';
import { conflating } from './conflate.ts';
import { eventStream } from './event-stream.ts';
import { exchange, type Answer, type Later } from './exchange.ts';
import type { Handler } from './handler.ts';
import { notFound, tooMany } from './responses.ts';
import { frameBytes, textBytes, wireOfText } from './wire.ts';
import type { Submission, World } from './world.ts';

/**
 * The level's servers as MSW handlers: the source server's REST resource (with ETag and 304 Not
 * Modified where it offers conditional requests), its webhook subscriptions, its WebSocket endpoint
 * (or the refusal of one), and your app's own endpoints (where webhooks are delivered).
 * One list, served in the browser and in Node alike.
 */

/** A submission as the source server reads it from a request or a frame; anything else is not one. */
function readSubmission(value: unknown, client: string): Submission | undefined {
  const v = value as Partial<Submission>;
  if (typeof v !== 'object' || v === null || typeof v.act !== 'number' || typeof v.basedOn !== 'number') return undefined;
  return { act: v.act, basedOn: v.basedOn, by: client };
}

function sourceHandlers(world: World): Handler[] {
  const { level } = world;
  const source = world.source;
  const base = `https://${source.host}`;
  const offers = level.source.offers;
  const wantsStream = (request: Request) => request.headers.get('accept')?.includes('text/event-stream') === true;
  /**
   * One route of the source server: the exchange's tap (trace, latency, loss) around the rate limit
   * around the route's own answer. Every http route of the source is wrapped this one way.
   */
  const route =
    (answer: (request: Request, client: string) => Answer | Later | Promise<Answer | Later>) =>
    ({ request }: { request: Request }) => {
      const client = world.clientOf(request.url);
      // A stream a client opens again (after losing one) is a reconnection.
      const reconnect = request.method === 'GET' && wantsStream(request) && world.reopened(client, new URL(request.url).pathname);
      // While the server restarts, nothing listens: connections to it are refused.
      const reachable = () => !world.sourceDown(world.clock.now());
      return exchange(world, { from: client, to: source.id, kind: 'request', reconnect, reachable }, request, () => {
        const wait = world.rateLimit.admit(client);
        return wait > 0 ? { response: tooMany(wait), outcome: 'rate-limited' as const } : answer(request, client);
      });
    };

  const resources = world.resources.map((state, i) => {
    /** The version each client was last sent, to tell an answer with nothing new. */
    const served = new Map<string, number>();
    return http.get(
      `${base}${world.resourcePath(i)}`,
      route((request, client) => {
        if (wantsStream(request)) {
          const stream = eventStream(world, client);
          // The stream opens with what the server has now; a client that says the last event it had
          // (Last-Event-ID, on reconnecting) gets only what came after it.
          const last = Number(request.headers.get('last-event-id') ?? NaN);
          // Resuming an answer whose own stream broke: the rest of it comes down this one instead.
          if (!Number.isNaN(last)) world.resumeAnswers(client);
          if (Number.isNaN(last)) stream.push(world.payload(i), state.version);
          else if (state.version > last) stream.push(world.payload(i, last), state.version);
          return { response: stream.response, outcome: 'ok', opened: stream.opened };
        }
        const url = new URL(request.url);
        if (url.searchParams.has('since')) {
          // A long poll: answer as soon as the resource has moved past `since`, or after `timeout` seconds with 204.
          const since = Number(url.searchParams.get('since'));
          const holdMs = Math.max(0, Number(url.searchParams.get('timeout') ?? 0) * 1000);
          const answer = (): Answer =>
            state.version > since
              ? {
                  response: new HttpResponse(world.payload(i, since), { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' } }),
                  outcome: 'ok',
                }
              : { response: new HttpResponse(null, { status: 204, statusText: 'No Content' }), outcome: 'unchanged' };
          if (state.version > since || holdMs === 0) return answer();
          return { after: Promise.race([world.changed(i), world.clock.sleep(holdMs)]), answer };
        }
        const etag = `"v${state.version}"`;
        const unchangedForClient = served.get(client) === state.version;
        served.set(client, state.version);
        if (offers.conditionalRequests && request.headers.get('if-none-match') === etag) {
          return { response: new HttpResponse(null, { status: 304, statusText: 'Not Modified', headers: { etag } }), outcome: 'unchanged' };
        }
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (offers.conditionalRequests) headers.etag = etag;
        const response = new HttpResponse(world.payload(i), { status: 200, statusText: 'OK', headers });
        return { response, outcome: unchangedForClient ? 'unchanged' : 'ok' };
      }),
    );
  });

  const subscribe = http.post(
    `${base}/v1/webhooks`,
    route(async (request) => {
      if (!offers.webhooks) return { response: notFound('This API offers no webhooks.'), outcome: 'refused' };
      const body = (await request.json().catch(() => ({}))) as { url?: unknown };
      if (typeof body.url !== 'string' || !/^https:\/\//.test(body.url)) {
        return { response: HttpResponse.json({ error: 'invalid_url' }, { status: 422, statusText: 'Unprocessable Content' }), outcome: 'error' };
      }
      // The answer carries the secret every delivery to this URL will be signed with.
      const secret = world.webhooks.subscribe(body.url);
      return {
        response: HttpResponse.json({ id: `wh_${world.webhooks.subscriptions.size}`, url: body.url, secret }, { status: 201, statusText: 'Created' }),
        outcome: 'ok',
      };
    }),
  );

  const submitPath = level.source.submitPath;
  const submit = submitPath
    ? [
        http.post(
          `${base}${submitPath}`,
          route(async (request, client): Promise<Answer | Later> => {
            const submission = readSubmission(await request.json().catch(() => undefined), client);
            if (!submission) return { response: HttpResponse.json({ error: 'invalid_body' }, { status: 400, statusText: 'Bad Request' }), outcome: 'error' };
            const receipt = world.receive(submission);
            const json = { 'content-type': 'application/json' };
            if (!receipt.accepted)
              return { response: new HttpResponse(receipt.payload, { status: 409, statusText: 'Conflict', headers: json }), outcome: 'error' };
            if (!level.source.stream)
              return { response: new HttpResponse(receipt.payload, { status: 201, statusText: 'Created', headers: json }), outcome: 'ok' };
            if (wantsStream(request)) {
              const stream = eventStream(world, client, submission.act);
              void receipt.done.then(stream.finish);
              return { response: stream.response, outcome: 'ok', opened: stream.opened };
            }
            if (request.headers.get('prefer') === 'respond-async') {
              return { response: new HttpResponse(receipt.payload, { status: 202, statusText: 'Accepted', headers: json }), outcome: 'ok' };
            }
            // No stream asked for: the whole answer, once it is all written.
            return {
              after: receipt.done,
              answer: () => ({ response: new HttpResponse(world.payload(0), { status: 200, statusText: 'OK', headers: json }), outcome: 'ok' }),
            };
          }),
        ),
      ]
    : [];

  // Anything else is not found (and the rate limit does not count it).
  const otherwise = http.all(`${base}/*`, ({ request }) =>
    exchange(world, { from: world.clientOf(request.url), to: source.id, kind: 'request' }, request, () => ({
      response: notFound(`No route ${new URL(request.url).pathname}`),
      outcome: 'error',
    })),
  );

  return [...resources, subscribe, ...submit, otherwise, socketHandler(world)];
}

function socketHandler(world: World): WebSocketHandler {
  const { clock, trace, level } = world;
  const source = world.source;
  return ws.link(`wss://${source.host}/*`).addEventListener('connection', ({ client }) => {
    const url = new URL(client.url);
    const you = world.clientOf(String(client.url));
    const connection = world.connect(world.connectionId('ws'), you, source.id);
    const handshake =
      `GET ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
      `sec-websocket-key: ${'x'.repeat(24)}\r\nsec-websocket-version: 13\r\n\r\n`;
    const catchUp = url.searchParams.get('since');
    const label = `GET ${url.pathname}${catchUp ? `?since=${catchUp}` : ''} (Upgrade: websocket)`;
    if (world.sourceDown(clock.now())) {
      // The server is restarting: nothing listens, and the connection is refused (a reset, no HTTP at all).
      trace.packet({
        kind: 'handshake',
        t: clock.now(),
        arriveAt: clock.now() + world.path().hop(clock.now()).latencyMs,
        from: you,
        to: source.id,
        label,
        size: 0,
        outcome: 'refused',
        ...(world.reopened(you, 'websocket') ? { reconnect: true } : {}),
      });
      client.close(1006, 'connection refused');
      return;
    }
    if (!level.source.offers.websocket) {
      const refusal = 'HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n';
      const asked = connection.send('client', { kind: 'handshake', label, size: textBytes(handshake), wire: wireOfText(handshake) }, () => {
        connection.send(
          'server',
          {
            kind: 'response',
            label: '404 Not Found (no WebSocket here)',
            size: textBytes(refusal),
            outcome: 'refused',
            status: 404,
            replyTo: asked?.seq,
            wire: wireOfText(refusal),
          },
          () => connection.finish(),
        );
      });
      // A failed handshake reaches the page as close code 1006. The interceptor opens a socket
      // right after this listener returns, so the refusal has to be said now.
      client.close(1006, 'Not Found');
      return;
    }

    /** A frame from the server to this client, `label` as the stage shows it; the page gets it when it arrives. */
    const send = (payload: string, label: string, arrived?: () => void) =>
      connection.send('server', { kind: 'frame', label, size: frameBytes(payload, false), wire: { headers: [], body: payload } }, () => {
        client.send(payload);
        arrived?.();
      });
    // A ticker's server sends a connection that is behind only the latest value (where the level's world
    // keeps only the latest, or the run turns conflation on).
    const latestOnly = level.source.latestOnly === true || world.serverDefends('conflate');
    const push = conflating(latestOnly, (payload, _id, arrived) => send(payload, 'push', arrived));
    const accept = 'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ' + 'x'.repeat(28) + '\r\n\r\n';
    const asked = connection.send(
      'client',
      { kind: 'handshake', label, size: textBytes(handshake), reconnect: world.reopened(you, 'websocket'), wire: wireOfText(handshake) },
      () => {
        connection.send(
          'server',
          { kind: 'response', label: '101 Switching Protocols', size: textBytes(accept), status: 101, replyTo: asked?.seq, wire: wireOfText(accept) },
          () => trace.mark({ kind: 'open', t: clock.now(), actor: you, label: 'WebSocket open', connection: connection.id }),
        );
        // Once the handshake is done the server sends what it has now (or, to a client catching up with
        // ?since=, what came after that version), then every change as it happens.
        const since = url.searchParams.has('since') ? Number(url.searchParams.get('since')) : undefined;
        world.resources.forEach((state, i) => push(world.payload(i, since), state.version));
        world.peers.set(connection.id, { id: connection.id, client: you, push, end: () => connection.close('server') });
        const heartbeat = level.source.heartbeatMs;
        const beat = () => {
          if (!connection.isOpen('server')) return;
          // A ping from the server, answered by the browser itself with a pong: the page's code never sees either.
          connection.send('server', { kind: 'frame', label: 'ping (control frame)', size: frameBytes('', false) }, () =>
            connection.send('client', { kind: 'frame', label: 'pong (control frame)', size: frameBytes('', true) }),
          );
          clock.setTimeout(beat, heartbeat!);
        };
        if (heartbeat) clock.setTimeout(beat, heartbeat);
      },
    );
    client.addEventListener('message', (event) => {
      const data = typeof event.data === 'string' ? event.data : '';
      const frameLabel = data.length > 24 ? data.slice(0, 24) + '…' : data || 'frame';
      // What a user sent over the socket reaches the server when its frame arrives; a stale one is answered on the socket.
      connection.send('client', { kind: 'frame', label: frameLabel, size: frameBytes(data, true), wire: { headers: [], body: data } }, () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          parsed = undefined;
        }
        // The page's heartbeat: answered at once.
        if ((parsed as { type?: unknown } | undefined)?.type === 'ping') return send(JSON.stringify({ type: 'pong' }), 'pong');
        const submission = readSubmission(parsed, you);
        if (!submission || !level.source.submitPath) return;
        const receipt = world.receive(submission);
        if (!receipt.accepted) send(receipt.payload, 'rejected');
      });
    });
    connection.onDrop('server', () => world.peers.delete(connection.id));
    // The connection broke under the page: it sees close code 1006 (closed abnormally, no close frame).
    connection.onDrop('client', (reason) => client.close(reason === 'closed' ? 1000 : 1006, reason));
    client.addEventListener('close', () => {
      connection.close('client');
      trace.mark({ kind: 'close', t: clock.now(), actor: you, label: 'WebSocket closed', connection: connection.id });
    });
  });
}

export function createHandlers(world: World): Handler[] {
  return [...sourceHandlers(world), ...appHandlers(world)];
}
