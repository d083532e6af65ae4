import { assign, createActor, emit, enqueueActions, fromCallback, sendTo, setup } from 'xstate';
import type { AppContext, Outgoing, Update } from './app.ts';
import { openSocket, reconnectDelay, socketUrl } from './websocket.ts';

/**
 * The XState wiring of the WebSocket client (./websocket.ts): connecting, open, waiting to reconnect,
 * given up. What the user does while the socket is down waits in an outbox and goes up once it is
 * open again. After MAX_FAILURES attempts in a row that heard nothing from the server, it gives up.
 */
const MAX_FAILURES = 6;

type SocketEvent = { type: 'UPDATE'; update: Update } | { type: 'CLOSED'; code: number } | { type: 'SEND'; outgoing: Outgoing };

interface SocketContext {
  url: string;
  /** The latest version the page has: a reconnect catches up after it. */
  since: number;
  /** Attempts in a row that heard nothing from the server. */
  failures: number;
  outbox: Outgoing[];
  random: () => number;
  timers: AppContext['clock'];
  app: AppContext;
}

const socket = fromCallback<SocketEvent, { url: string; timers: AppContext['clock']; app: AppContext }>(({ input, sendBack, receive }) => {
  const { app } = input;
  const live = openSocket(
    input.url,
    {
      update: (update) => sendBack({ type: 'UPDATE', update }),
      closed: (code) => sendBack({ type: 'CLOSED', code }),
      dead: () => app.caught('heartbeat', 'no pong in time: the connection is dead, so it closes it and reconnects'),
    },
    input.timers,
    app.defends('heartbeat'),
  );
  receive((event) => {
    if (event.type === 'SEND') live.send(event.outgoing);
  });
  return () => live.close();
});

export const websocketMachine = setup({
  types: {
    context: {} as SocketContext,
    input: {} as { url: string; random: () => number; timers: AppContext['clock']; app: AppContext },
    events: {} as SocketEvent,
    emitted: {} as { type: 'update'; update: Update } | { type: 'gave-up'; failures: number } | { type: 'reconnecting'; code: number },
  },
  actors: { socket },
  actions: {
    /** Take a change: remember its version (to catch up after it) and pass it on. */
    take: enqueueActions(({ enqueue, context, event }) => {
      if (event.type !== 'UPDATE') return;
      enqueue.assign({ since: Math.max(context.since, event.update.version) });
      enqueue.emit({ type: 'update', update: event.update });
    }),
    /** The socket works again: send what waited in the outbox, in order. */
    flush: enqueueActions(({ enqueue, context }) => {
      for (const outgoing of context.outbox) enqueue.sendTo('socket', { type: 'SEND', outgoing });
      enqueue.assign({ outbox: [] });
    }),
    queue: assign({ outbox: ({ context, event }) => (event.type === 'SEND' ? [...context.outbox, event.outgoing] : context.outbox) }),
  },
  guards: { mayRetry: ({ context }) => context.failures < MAX_FAILURES },
  delays: { backoff: ({ context }) => reconnectDelay(context.failures, context.random, context.app.defends('jitter')) },
}).createMachine({
  id: 'websocket',
  context: ({ input }) => ({ ...input, since: 0, failures: 0, outbox: [] }),
  initial: 'live',
  states: {
    live: {
      invoke: {
        id: 'socket',
        src: 'socket',
        input: ({ context }) => ({ url: socketUrl(context.url, context.since), timers: context.timers, app: context.app }),
      },
      initial: 'connecting',
      states: {
        connecting: {
          on: {
            // The first word from the server: the socket works; send what waited.
            UPDATE: { target: 'open', actions: [assign({ failures: 0 }), 'take', 'flush'] },
            SEND: { actions: 'queue' },
          },
        },
        open: {
          on: {
            UPDATE: { actions: 'take' },
            SEND: { actions: sendTo('socket', ({ event }) => event) },
          },
        },
      },
      on: {
        CLOSED: [
          { guard: 'mayRetry', target: 'waiting', actions: emit(({ event }) => ({ type: 'reconnecting' as const, code: event.code })) },
          { target: 'gaveUp' },
        ],
      },
    },
    waiting: {
      on: { SEND: { actions: 'queue' } },
      after: { backoff: { target: 'live', actions: assign({ failures: ({ context }) => context.failures + 1 }) } },
    },
    gaveUp: { type: 'final', entry: emit(({ context }) => ({ type: 'gave-up' as const, failures: context.failures })) },
  },
});

export function startWebSocket(app: AppContext) {
  const actor = createActor(websocketMachine, { clock: app.clock, input: { url: app.endpoints.socket, random: app.random, timers: app.clock, app } });
  actor.on('update', ({ update }) => app.show(update));
  actor.on('reconnecting', ({ code }) =>
    app.note(`The socket closed (code ${code}); reconnecting ${app.defends('jitter') ? 'after a random wait' : 'after a fixed wait'}`),
  );
  actor.on('gave-up', ({ failures }) => app.note(`Gave up after ${failures} failed connection attempts.`));
  actor.start();
  app.onAct((outgoing) => actor.send({ type: 'SEND', outgoing }));
  return { stop: () => actor.stop() };
}
