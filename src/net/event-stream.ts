import { HttpResponse } from 'msw';
import type { PacketEvent } from '../sim/trace.ts';
import { conflating } from './conflate.ts';
import type { Connection } from './connection.ts';
import { textBytes } from './wire.ts';
import type { World } from './world.ts';

/**
 * An event stream (server-sent events, as the HTML standard defines them) from the source server to
 * one client: the answer to a request that stays open. It starts with `retry:` (how long the client
 * should wait before reconnecting), writes each change as an event with its `id:` (the version it
 * made, so a client can resume with Last-Event-ID) and `data:`, and, where the source has a heartbeat,
 * a comment line every `heartbeatMs` so that proxies do not close it as idle. Each is a chunk on the
 * wire that follows the answer's head down the same connection, in order, with its latency and
 * retransmissions; if the connection drops, the reader's next read fails. With `act`, the stream
 * carries that act's answer only and ends once the answer is written.
 */
export interface EventStream {
  response: Response;
  /** The answer's head left the server on this connection: what was written waits for it, then follows. */
  opened(connection: Connection, head: PacketEvent): void;
  /** Write a change into the stream, as the event `id`. */
  push(payload: string, id: number): void;
  /** Nothing more to write: close once what was written has arrived. */
  finish(): void;
}

/** The reconnection time the server asks for, in ms. */
export const RETRY_MS = 1000;

export function eventStream(world: World, client: string, act?: number): EventStream {
  const { clock, trace } = world;
  const id = world.connectionId('sse');
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let connection: Connection | undefined;
  /** True once the reader's side has ended (closed, failed or cancelled). */
  let ended = false;
  let opened = false;
  let finishing = false;
  const waiting: Array<[text: string, label: string, arrived?: () => void]> = [];
  const end = () => {
    if (ended) return;
    ended = true;
    if (opened) trace.mark({ kind: 'close', t: clock.now(), actor: client, label: 'Event stream closed', connection: connection?.id ?? id });
  };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => {
      // The page stopped reading: it closes its side, and the server hears of it.
      end();
      connection?.close('client');
    },
  });

  const write = (text: string, label: string, arrived?: () => void) => {
    connection?.send('server', { kind: 'chunk', label, size: textBytes(text), wire: { headers: [], body: text } }, () => {
      if (!ended) controller.enqueue(encoder.encode(text));
      arrived?.();
    });
  };
  const queue = (text: string, label: string, arrived?: () => void) => (connection ? write(text, label, arrived) : void waiting.push([text, label, arrived]));
  const push = conflating(world.level.source.latestOnly === true, (payload, eventId, arrived) =>
    queue(`id: ${eventId}\ndata: ${payload}\n\n`, `id: ${eventId}`, arrived),
  );
  world.peers.set(id, { id, client, act, push, end: () => connection?.close('server') });
  queue(`retry: ${RETRY_MS}\n\n`, `retry: ${RETRY_MS}`);

  const heartbeat = world.level.source.heartbeatMs;
  const beat = () => {
    if (!connection?.isOpen('server')) return;
    write(': heartbeat\n\n', ': heartbeat');
    clock.setTimeout(beat, heartbeat!);
  };

  return {
    response: new HttpResponse(body, { status: 200, statusText: 'OK', headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } }),
    opened(c, head) {
      connection = c;
      c.onDrop('server', () => world.peers.delete(id));
      c.onDrop('client', (reason) => {
        if (ended) return;
        end();
        if (reason === 'closed') controller.close();
        else controller.error(new TypeError(`network error: the connection dropped (${reason})`));
      });
      clock.setTimeout(() => {
        if (ended) return;
        opened = true;
        trace.mark({ kind: 'open', t: clock.now(), actor: client, label: 'Event stream open', connection: c.id });
      }, head.arriveAt - clock.now());
      for (const [text, label, arrived] of waiting.splice(0)) write(text, label, arrived);
      if (finishing) c.close('server');
      else if (heartbeat) clock.setTimeout(beat, heartbeat);
    },
    push,
    finish() {
      world.peers.delete(id);
      if (connection) connection.close('server');
      else finishing = true;
    },
  };
}
