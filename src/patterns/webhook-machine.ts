import { assign, createActor, fromPromise, setup } from 'xstate';
import type { AppContext } from './app.ts';
import { send } from './plain-request.ts';
import { RECONCILE_EVERY_MS, reconcile, subscribe, webhookReceiver, type Handled } from './webhook.ts';

/**
 * The XState wiring of the webhook client (./webhook.ts): subscribe, try again after a growing pause
 * when the server refuses, give up after three tries; serve the receiver meanwhile.
 */
export const subscriptionMachine = setup({
  types: {
    input: {} as { api: string; webhookUrl: string },
    context: {} as { api: string; webhookUrl: string; attempts: number; secret?: string },
  },
  actors: { subscribe: fromPromise(({ input }: { input: { api: string; webhookUrl: string } }) => subscribe(input.api, input.webhookUrl)) },
  guards: { mayRetry: ({ context }) => context.attempts < 3 },
  delays: { backoff: ({ context }) => 2000 * 2 ** context.attempts },
}).createMachine({
  id: 'webhook-subscription',
  context: ({ input }) => ({ ...input, attempts: 0 }),
  initial: 'subscribing',
  states: {
    subscribing: {
      entry: assign({ attempts: ({ context }) => context.attempts + 1 }),
      invoke: {
        src: 'subscribe',
        input: ({ context }) => ({ api: context.api, webhookUrl: context.webhookUrl }),
        onDone: { target: 'subscribed', actions: assign({ secret: ({ event }) => event.output }) },
        onError: [{ guard: 'mayRetry', target: 'backingOff' }, { target: 'refused' }],
      },
    },
    backingOff: { after: { backoff: 'subscribing' } },
    subscribed: { type: 'final' },
    refused: { type: 'final' },
  },
});

export function startWebhook(app: AppContext) {
  const actor = createActor(subscriptionMachine, {
    clock: app.clock,
    input: { api: app.endpoints.subscribe, webhookUrl: app.endpoints.webhook },
  });
  const handled: Handled = new Set();
  app.serve(
    new URL(app.endpoints.webhook).pathname,
    webhookReceiver(app, () => actor.getSnapshot().context.secret, handled),
  );
  actor.subscribe((snapshot) => {
    if (snapshot.matches('refused')) app.note('The server refused the webhook subscription; nothing will be delivered.');
  });
  actor.start();
  let stopped = false;
  // Reconciliation, where it is on: the provider's API asked every RECONCILE_EVERY_MS for what no delivery brought.
  let timer: ReturnType<typeof app.clock.setTimeout> | undefined;
  const again = () => {
    timer = app.clock.setTimeout(() => {
      if (stopped) return;
      reconcile(app, handled).then(
        () => stopped || again(),
        (error: Error) => stopped || (app.note(`Reconciliation failed: ${error.message}`), again()),
      );
    }, RECONCILE_EVERY_MS);
  };
  if (app.defends('reconcile')) again();
  app.onAct((outgoing, url) => {
    send(url, outgoing).then(
      (update) => stopped || (update && app.show(update)),
      (error: Error) => stopped || app.note(`Sending failed: ${error.message}`),
    );
  });
  return {
    stop: () => {
      stopped = true;
      if (timer !== undefined) app.clock.clearTimeout(timer);
      actor.stop();
    },
  };
}
