import { assign, createActor, enqueueActions, fromPromise, setup } from 'xstate';
import { formatDuration } from '../sim/format.ts';
import type { AppContext, Update } from './app.ts';
import { send } from './plain-request.ts';
import { nextWaitMs, pollAll, type PollingContext } from './polling.ts';

/**
 * The XState wiring of polling (./polling.ts): ask, decide, wait, ask again; stop once every resource
 * is final. The waits are delays on the run's clock, so a day of polling takes no time in a test.
 */
export const pollingMachine = setup({
  types: {
    context: {} as PollingContext,
    input: {} as { urls: string[]; intervalMs: number; firstWaitMs: number | 'aligned'; now: () => number },
    events: {} as { type: 'ASKED' },
    emitted: {} as { type: 'update'; update: Update } | { type: 'done' },
  },
  actors: {
    poll: fromPromise(({ input }: { input: { urls: string[]; etags: Record<string, string>; nowMs: number } }) =>
      pollAll(input.urls, input.etags, input.nowMs),
    ),
  },
  delays: { next: ({ context }) => nextWaitMs(context) },
  actions: { asked: assign({ lastStartMs: ({ context }) => context.now(), polls: ({ context }) => Math.max(2, context.polls) }) },
  guards: { allDone: ({ context }) => context.urls.length === 0 },
}).createMachine({
  id: 'polling',
  context: ({ input }) => ({ ...input, polls: 0, lastStartMs: 0, failures: 0, etags: {}, retryAfterMs: 0 }),
  initial: 'requesting',
  states: {
    requesting: {
      entry: assign({ lastStartMs: ({ context }) => context.now() }),
      on: { ASKED: { actions: 'asked' } },
      invoke: {
        src: 'poll',
        input: ({ context }) => ({ urls: context.urls, etags: context.etags, nowMs: context.now() }),
        onDone: {
          target: 'deciding',
          actions: [
            assign(({ context, event }) => ({
              etags: event.output.etags,
              retryAfterMs: event.output.retryAfterMs,
              failures: event.output.failed ? context.failures + 1 : 0,
              polls: context.polls + 1,
              urls: context.urls.filter((url) => !event.output.done.includes(url)),
            })),
            enqueueActions(({ enqueue, event }) => {
              for (const update of event.output.updates) enqueue.emit({ type: 'update', update });
            }),
          ],
        },
      },
    },
    deciding: { always: [{ guard: 'allDone', target: 'done' }, { target: 'waiting' }] },
    waiting: {
      after: { next: 'requesting' },
      // The user just sent something: the next poll comes one interval from now, to pick up what it started.
      on: { ASKED: { target: 'waiting', reenter: true, actions: 'asked' } },
    },
    done: { type: 'final', entry: enqueueActions(({ enqueue }) => enqueue.emit({ type: 'done' })) },
  },
});

export function startPolling(app: AppContext) {
  const intervalMs = app.params.intervalMs;
  // Spread (a defence a level may let the player leave out): start the rhythm at a random point of the first
  // interval, so that clients started together do not all ask at the same moments. Without it the rhythm
  // keeps to the clock's round times (:00, :05…), the same for every client.
  const firstWaitMs = app.defends('spread') ? Math.round(app.random() * intervalMs) : 'aligned';
  const actor = createActor(pollingMachine, {
    clock: app.clock,
    input: { urls: app.endpoints.resources, intervalMs, firstWaitMs, now: () => app.clock.now() },
  });
  if (firstWaitMs !== 'aligned') {
    // In whole seconds, written alike in every language: a run's trace does not depend on the player's.
    const seconds = (ms: number) => formatDuration(Math.max(1000, Math.round(ms / 1000) * 1000));
    app.note(
      `Asks again in ${seconds(firstWaitMs)}, a random part of its first interval (so clients started together do not ask together); then every ${seconds(intervalMs)}`,
    );
  }
  actor.on('update', ({ update }) => app.show(update));
  actor.on('done', () => app.note('Nothing more will change: polling stops.'));
  actor.start();
  app.onAct((outgoing, url) => {
    const running = () => actor.getSnapshot().status === 'active';
    actor.send({ type: 'ASKED' });
    send(url, outgoing, { prefer: 'respond-async' }).then(
      (update) => running() && update && app.show(update),
      (error: Error) => running() && app.note(`Sending failed: ${error.message}`),
    );
  });
  return { stop: () => actor.stop() };
}
