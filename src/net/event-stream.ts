import { HttpResponse } from 'msw';
import type { PacketEvent } from '../sim/trace.ts';
import type { Connection } from './connection.ts';
import { textBytes } from './wire.ts';
import type { World } from './world.ts';

/**
 * An event stream (server-sent events) from the source server to one client: the answer to a
 * request that stays open, each change written into it as a `data:` line. Each line is a chunk on
 * the wire that follows the answer's head down the same connection, in order, with its latency and
 * retransmissions; if the connection drops, the reader's next read fails. With `act`, the stream
 * carries that act's answer only and ends once the answer is written.
 */
export interface EventStream {
  response: Response;
  /** The answer's head left the server on this connection: what was written waits for it, then follows. */
  opened(connection: Connection, head: PacketEvent): void;
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
  let connection: Connection | undefined;
  /** True once the reader's side has ended (closed, failed or cancelled). */
  let ended = false;
  let opened = false;
  let finishing = false;
  const waiting: string[] = [];
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

  const write = (payload: string) => {
    const chunk = `data: ${payload}\n\n`;
    connection?.send('server', { kind: 'chunk', label: 'data: …', size: textBytes(chunk) }, () => {
      if (!ended) controller.enqueue(encoder.encode(chunk));
    });
  };
  const push = (payload: string) => (connection ? write(payload) : void waiting.push(payload));
  world.peers.set(id, { id, client, act, push, end: () => connection?.close('server') });

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
      for (const payload of waiting.splice(0)) write(payload);
      if (finishing) c.close('server');
    },
    push,
    finish() {
      world.peers.delete(id);
      if (connection) connection.close('server');
      else finishing = true;
    },
  };
}
