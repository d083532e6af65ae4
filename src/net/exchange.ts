import { HttpResponse } from 'msw';
import type { Outcome, PacketEvent, PacketKind } from '../sim/trace.ts';
import type { Connection } from './connection.ts';
import { reasonPhrase, requestOnWire, responseOnWire, textBytes } from './wire.ts';
import type { World } from './world.ts';

/**
 * The tap every HTTP exchange goes through: the request and its answer travel on a connection
 * (./connection.ts), which writes them to the trace, delays them by their latency and any
 * retransmissions on the virtual clock, and drops when the network breaks it. A dropped connection
 * is a network error for the sender.
 */

export interface Answer {
  response: Response;
  outcome: Outcome;
  /**
   * For an answer that streams: told of its connection once the head is sent, so that what it writes
   * later follows the head down the same connection (in order, with the same losses).
   */
  opened?: (connection: Connection, head: PacketEvent) => void;
}

/** An answer the server needs time to write: it is given once `after` has resolved (on virtual time). */
export interface Later {
  after: Promise<unknown>;
  answer: () => Answer | Promise<Answer>;
}

type Answering = () => Answer | Later | Promise<Answer | Later>;

export interface ExchangeParties {
  from: string;
  to: string;
  kind: Extract<PacketKind, 'request' | 'webhook'>;
  attempt?: number;
  /** False when nothing answers at the receiver's address (a browser, a script that is not running). */
  reachable?: () => boolean;
  /** Between two services of yours, over your own network (a direct call), not across the internet. */
  internal?: boolean;
  /** The client opens again a connection it had before (an event stream's request). */
  reconnect?: boolean;
}

export function outcomeOfStatus(status: number): Outcome {
  if (status === 304) return 'unchanged';
  if (status === 429) return 'rate-limited';
  if (status >= 400) return 'error';
  return 'ok';
}

export async function exchange(world: World, parties: ExchangeParties, request: Request, answer: Answering): Promise<Response> {
  const { clock } = world;
  // The sender's fetch is held by the tap (./fetch-tap.ts) until here; from now on it waits on
  // virtual time, and is held again once its answer is on the way back.
  const resume = clock.park();
  try {
    return await travel(world, request, parties, answer);
  } finally {
    resume();
  }
}

/**
 * One exchange on a connection of its own: the request goes up, the server answers once it has
 * arrived, the answer comes down. What the client's fetch gets: the answer, a network error when the
 * connection dropped, or the proxy's 504 when the server held the request past the idle timeout.
 */
async function travel(world: World, request: Request, parties: ExchangeParties, answer: Answering): Promise<Response> {
  const { clock, trace } = world;
  const url = new URL(request.url);
  const label = `${request.method} ${url.pathname}`;
  const { size: requestSize, wire: requestWire } = await clock.holding(() => requestOnWire(request));
  if (parties.reachable?.() === false) {
    // Connection refused: the request is never written (no HTTP bytes cross), the sender hears one hop later.
    const path = world.path(parties.internal);
    const up = path.hop(clock.now());
    trace.packet({
      kind: parties.kind,
      t: clock.now(),
      arriveAt: clock.now() + up.latencyMs,
      from: parties.from,
      to: parties.to,
      label,
      size: 0,
      outcome: 'refused',
      attempt: parties.attempt,
    });
    await clock.sleep(up.latencyMs + path.hop(clock.now()).latencyMs);
    return HttpResponse.error();
  }
  const connection = world.connect(world.connectionId('http'), parties.from, parties.to, parties.internal);
  return new Promise<Response>((resolve) => {
    let settled = false;
    const settle = (response: Response) => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    connection.onDrop('client', () => settle(HttpResponse.error()));
    // The sender stopped waiting (its fetch was aborted): it drops its end and resets the server's.
    request.signal.addEventListener('abort', () => connection.abort('client', 'closed'));
    const sent = connection.send(
      'client',
      { kind: parties.kind, label, size: requestSize, attempt: parties.attempt, reconnect: parties.reconnect, wire: requestWire },
      () => void serve(),
    );
    if (!sent) return settle(HttpResponse.error());
    connection.onIdle = () => {
      // The proxy gave up waiting for the server: it answers for it, and the server's answer is dropped.
      const gatewayTimeout = new HttpResponse(null, { status: 504, statusText: 'Gateway Timeout' });
      connection.send('server', { kind: 'response', label: '504 Gateway Timeout', size: gatewaySize, outcome: 'error', status: 504, replyTo: sent.seq }, () => {
        connection.finish();
        settle(gatewayTimeout);
      });
      connection.abandon('server');
    };

    async function serve(): Promise<void> {
      let answered = await clock.holding(async () => answer());
      while ('after' in answered) {
        const later = answered;
        await later.after;
        answered = await clock.holding(async () => later.answer());
      }
      const { response, outcome, opened } = answered;
      const { size: responseSize, wire: responseWire } = await clock.holding(() => responseOnWire(response));
      // Once the answer has started, a proxy that finds the connection idle closes it (a stream breaks).
      connection.onIdle = undefined;
      const head = connection.send(
        'server',
        {
          kind: 'response',
          label: `${response.status} ${reasonPhrase(response)}`.trim(),
          size: responseSize,
          outcome,
          status: response.status,
          replyTo: sent!.seq,
          wire: responseWire,
        },
        () => {
          if (!opened) connection.finish();
          settle(response);
        },
      );
      if (head) opened?.(connection, head);
    }
  });
}

/** The bytes of the proxy's 504 answer. */
const gatewaySize = textBytes('HTTP/1.1 504 Gateway Timeout\r\ncontent-length: 0\r\n\r\n');
