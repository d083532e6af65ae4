import { assign, createActor, enqueueActions, fromPromise, setup } from 'xstate';
import type { AppContext, Update } from './app.ts';
import { send } from './plain-request.ts';

/**
 * Polling: ask the server every `intervalMs` whether anything changed, for every resource you
 * follow. With an ETag the server can answer "304 Not Modified" instead of sending the same data
 * again; when it answers "429 Too Many Requests", wait as long as its Retry-After says.
 * What the user does is sent as a POST; anything it starts is picked up by the next polls.
 */
interface Poll {
  etags: Record<string, string>;
  updates: Update[];
  retryAfterMs: number;
}

async function pollAll(urls: string[], etags: Record<string, string>): Promise<Poll> {
  const result: Poll = { etags: { ...etags }, updates: [], retryAfterMs: 0 };
  await Promise.all(
    urls.map(async (url) => {
      const etag = etags[url];
      const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} });
      if (response.status === 429) {
        result.retryAfterMs = Math.max(result.retryAfterMs, Number(response.headers.get('Retry-After') ?? '60') * 1000);
      } else if (response.ok) {
        result.etags[url] = response.headers.get('ETag') ?? '';
        result.updates.push(await response.json());
      }
    }),
  );
  return result;
}

export const pollingMachine = setup({
  types: {
    context: {} as { urls: string[]; intervalMs: number; etags: Record<string, string>; retryAfterMs: number },
    input: {} as { urls: string[]; intervalMs: number },
    emitted: {} as { type: 'update'; update: Update },
  },
  actors: {
    poll: fromPromise(({ input }: { input: { urls: string[]; etags: Record<string, string> } }) => pollAll(input.urls, input.etags)),
  },
  delays: { interval: ({ context }) => Math.max(context.intervalMs, context.retryAfterMs) },
}).createMachine({
  id: 'polling',
  context: ({ input }) => ({ urls: input.urls, intervalMs: input.intervalMs, etags: {}, retryAfterMs: 0 }),
  initial: 'requesting',
  states: {
    requesting: {
      invoke: {
        src: 'poll',
        input: ({ context }) => ({ urls: context.urls, etags: context.etags }),
        onDone: {
          target: 'waiting',
          actions: [
            assign({ etags: ({ event }) => event.output.etags, retryAfterMs: ({ event }) => event.output.retryAfterMs }),
            enqueueActions(({ enqueue, event }) => {
              for (const update of event.output.updates) enqueue.emit({ type: 'update', update });
            }),
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
    input: { urls: app.endpoints.resources, intervalMs: app.params.intervalMs },
  });
  actor.on('update', ({ update }) => app.show(update));
  actor.start();
  app.onAct((outgoing, url) => {
    const running = () => actor.getSnapshot().status === 'active';
    send(url, outgoing, { prefer: 'respond-async' }).then(
      (update) => running() && update && app.show(update),
      (error: Error) => running() && app.note(`Sending failed: ${error.message}`),
    );
  });
  return { stop: () => actor.stop() };
}
