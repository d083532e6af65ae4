import { HttpResponse } from 'msw';
import type { Outcome, PacketKind } from '../sim/trace.ts';
import { requestOnWire, responseOnWire, type Hop } from './wire.ts';
import type { World } from './world.ts';

/**
 * The tap every HTTP exchange goes through: it writes the request to the trace, waits the request's
 * latency on the virtual clock, lets the server answer, writes the answer, waits its latency, and
 * hands it back. A message the network loses becomes a network error for the sender.
 */

export interface Answer {
  response: Response;
  outcome: Outcome;
  /** Told of the hop the answer's head takes back (a stream's later chunks follow it). */
  sent?: (hop: Hop) => void;
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
}

const statusText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

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

async function travel(world: World, request: Request, parties: ExchangeParties, answer: Answering): Promise<Response> {
  const { clock, trace } = world;
  const url = new URL(request.url);
  const { size: requestSize, wire: requestWire } = await clock.holding(() => requestOnWire(request));
  const up = world.hop(parties.internal);
  const refused = parties.reachable?.() === false;
  const sent = trace.packet({
    kind: parties.kind,
    t: clock.now(),
    arriveAt: clock.now() + up.latencyMs,
    from: parties.from,
    to: parties.to,
    label: `${request.method} ${url.pathname}`,
    // A refused connection ends before the request is written: no HTTP bytes cross.
    size: refused ? 0 : requestSize,
    outcome: up.lost ? 'lost' : refused ? 'refused' : 'ok',
    attempt: parties.attempt,
    wire: refused ? undefined : requestWire,
  });
  await clock.sleep(up.latencyMs);
  if (up.lost) return HttpResponse.error();
  if (refused) {
    // Connection refused: the sender hears of it one hop later, with no answer.
    await clock.sleep(world.hop(parties.internal).latencyMs);
    return HttpResponse.error();
  }

  let answered = await clock.holding(async () => answer());
  while ('after' in answered) {
    const later = answered;
    await later.after;
    answered = await clock.holding(async () => later.answer());
  }
  const { response, outcome, sent: onSent } = answered;
  const { size: responseSize, wire: responseWire } = await clock.holding(() => responseOnWire(response));
  const down = world.hop(parties.internal);
  trace.packet({
    kind: 'response',
    t: clock.now(),
    arriveAt: clock.now() + down.latencyMs,
    from: parties.to,
    to: parties.from,
    label: `${response.status} ${response.statusText || statusText[response.status] || ''}`.trim(),
    size: responseSize,
    outcome: down.lost ? 'lost' : outcome,
    status: response.status,
    replyTo: sent.seq,
    wire: responseWire,
  });
  onSent?.(down);
  await clock.sleep(down.latencyMs);
  return down.lost ? HttpResponse.error() : response;
}
