import { assign, createActor, emit, fromCallback, sendTo, setup } from 'xstate';
import type { AppContext, Outgoing, Update } from './app.ts';

/**
 * WebSocket: open one connection and keep it; the server pushes every change down it at once, and
 * what the user does goes up the same connection. If the connection fails, try again with a
 * growing pause, and give up after a few tries.
 */
type SocketEvent = { type: 'OPEN' } | { type: 'MESSAGE'; data: string } | { type: 'CLOSED'; code: number } | { type: 'SEND'; outgoing: Outgoing };

const socket = fromCallback<SocketEvent, { url: string }>(({ input, sendBack, receive }) => {
  const ws = new WebSocket(input.url);
  ws.onopen = () => sendBack({ type: 'OPEN' });
  ws.onmessage = (event) => sendBack({ type: 'MESSAGE', data: String(event.data) });
  ws.onclose = (event) => sendBack({ type: 'CLOSED', code: event.code });
  receive((event) => {
    if (event.type === 'SEND') ws.send(JSON.stringify(event.outgoing));
  });
  return () => ws.close();
});

export const websocketMachine = setup({
  types: {
    context: {} as { url: string; failures: number },
    input: {} as { url: string },
    events: {} as SocketEvent,
    emitted: {} as { type: 'update'; update: Update } | { type: 'gave-up'; failures: number } | { type: 'unsent' },
  },
  actors: { socket },
  guards: { mayRetry: ({ context }) => context.failures < 5 },
  delays: { backoff: ({ context }) => Math.min(30_000, 1000 * 2 ** (context.failures - 1)) },
}).createMachine({
  id: 'websocket',
  context: ({ input }) => ({ url: input.url, failures: 0 }),
  initial: 'live',
  on: { SEND: { actions: emit({ type: 'unsent' as const }) } },
  states: {
    live: {
      invoke: { id: 'socket', src: 'socket', input: ({ context }) => ({ url: context.url }) },
      initial: 'connecting',
      states: {
        connecting: { on: { OPEN: { target: 'open', actions: assign({ failures: 0 }) } } },
        open: {
          on: {
            MESSAGE: { actions: emit(({ event }) => ({ type: 'update' as const, update: JSON.parse(event.data) as Update })) },
            SEND: { actions: sendTo('socket', ({ event }) => event) },
          },
        },
      },
      on: { CLOSED: { target: 'closed', actions: assign({ failures: ({ context }) => context.failures + 1 }) } },
    },
    closed: {
      always: [{ guard: 'mayRetry', target: 'waiting' }, { target: 'gaveUp' }],
    },
    waiting: { after: { backoff: 'live' } },
    gaveUp: { type: 'final', entry: emit(({ context }) => ({ type: 'gave-up' as const, failures: context.failures })) },
  },
});

export function startWebSocket(app: AppContext) {
  const actor = createActor(websocketMachine, { clock: app.clock, input: { url: app.endpoints.socket } });
  actor.on('update', ({ update }) => app.show(update));
  actor.on('gave-up', ({ failures }) => app.note(`Gave up after ${failures} failed connection attempts.`));
  actor.on('unsent', () => app.note('Not connected: what the user did could not be sent.'));
  actor.start();
  app.onAct((outgoing) => actor.send({ type: 'SEND', outgoing }));
  return { stop: () => actor.stop() };
}
