import { assign, createActor, emit, fromPromise, setup } from 'xstate';
import type { AppContext, Update } from './app.ts';

/**
 * Polling: ask the server every `intervalMs` whether anything changed. With an ETag the server can
 * answer "304 Not Modified" instead of sending the same data again.
 */
async function poll(url: string, etag?: string): Promise<{ etag?: string; update?: Update }> {
  const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} });
  if (response.status === 304) return { etag };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { etag: response.headers.get('ETag') ?? undefined, update: await response.json() };
}

export const pollingMachine = setup({
  types: {
    context: {} as { url: string; intervalMs: number; etag?: string },
    input: {} as { url: string; intervalMs: number },
    emitted: {} as { type: 'update'; update: Update },
  },
  actors: {
    poll: fromPromise(({ input }: { input: { url: string; etag?: string } }) => poll(input.url, input.etag)),
  },
  delays: { interval: ({ context }) => context.intervalMs },
}).createMachine({
  id: 'polling',
  context: ({ input }) => ({ url: input.url, intervalMs: input.intervalMs }),
  initial: 'requesting',
  states: {
    requesting: {
      invoke: {
        src: 'poll',
        input: ({ context }) => ({ url: context.url, etag: context.etag }),
        onDone: {
          target: 'waiting',
          actions: [
            assign({ etag: ({ event }) => event.output.etag }),
            emit(({ event }) => ({ type: 'update' as const, update: event.output.update as Update })),
          ],
        },
        onError: 'waiting',
      },
    },
    waiting: { after: { interval: 'requesting' } },
  },
});

export function startPolling(app: AppContext) {
  const actor = createActor(pollingMachine, {
    clock: app.clock,
    input: { url: app.endpoints.resource, intervalMs: app.params.intervalMs },
  });
  actor.on('update', ({ update }) => update && app.show(update));
  actor.start();
  return { stop: () => actor.stop() };
}
