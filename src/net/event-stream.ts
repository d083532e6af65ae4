import { HttpResponse } from 'msw';
import { textBytes, type Hop } from './wire.ts';
import type { World } from './world.ts';

/**
 * An event stream (server-sent events) from the source server to one client: the answer to a
 * request that stays open, each change written into it as a `data:` line. Each line is a chunk on
 * the wire that follows the answer's head down the same connection, with its latency. With `act`,
 * the stream carries that act's answer only and ends once the answer is written.
 */
export interface EventStream {
  response: Response;
  /** The answer's head left the server on this hop: what was written waits for it, then follows. */
  sent(hop: Hop): void;
  /** Write a change into the stream. */
  push(payload: string): void;
  /** Nothing more to write: close once what was written has arrived. */
  finish(): void;
}

export function eventStream(world: World, client: string, act?: number): EventStream {
  const { clock, trace } = world;
  const id = world.connectionId('sse');
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let opened = false;
  let latencyMs: number | undefined;
  let lastArrival = 0;
  const waiting: string[] = [];
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => {
      closed = true;
      world.peers.delete(id);
    },
  });

  const write = (payload: string, latency: number) => {
    const chunk = `data: ${payload}\n\n`;
    const t = clock.now();
    lastArrival = t + latency;
    trace.packet({
      kind: 'chunk',
      t,
      arriveAt: lastArrival,
      from: world.source.id,
      to: client,
      label: 'data: …',
      size: textBytes(chunk),
      outcome: 'ok',
      connection: id,
      wire: { headers: [], body: chunk },
    });
    void clock.sleep(latency).then(() => {
      if (!closed) controller.enqueue(encoder.encode(chunk));
    });
  };
  const close = () => {
    if (closed) return;
    closed = true;
    world.peers.delete(id);
    if (opened) trace.mark({ kind: 'close', t: clock.now(), actor: client, label: 'Event stream closed', connection: id });
    controller.close();
  };
  const push = (payload: string) => (latencyMs === undefined ? void waiting.push(payload) : write(payload, latencyMs));
  world.peers.set(id, { id, client, act, push, end: close });

  return {
    response: new HttpResponse(body, { status: 200, statusText: 'OK', headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } }),
    sent(hop) {
      if (hop.lost) return close();
      latencyMs = hop.latencyMs;
      clock.setTimeout(() => {
        if (closed) return;
        opened = true;
        trace.mark({ kind: 'open', t: clock.now(), actor: client, label: 'Event stream open', connection: id });
      }, hop.latencyMs);
      for (const payload of waiting.splice(0)) write(payload, hop.latencyMs);
    },
    push,
    finish() {
      clock.setTimeout(close, Math.max(0, lastArrival - clock.now()));
    },
  };
}
