import { assign, createActor, fromPromise, setup } from 'xstate';
import type { AppContext } from './app.ts';
import { send } from './plain-request.ts';

/**
 * Webhook: tell the server once where to reach you, then let it POST to your endpoint whenever
 * something changes. Your app answers 2xx quickly; a server retries deliveries that fail.
 * A webhook only brings news in: what the user does goes out as an ordinary POST.
 */
async function subscribe(api: string, webhookUrl: string): Promise<void> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: webhookUrl, events: ['tracking.updated'] }),
  });
  if (!response.ok) throw new Error(`Subscription refused: HTTP ${response.status}`);
}

export const subscriptionMachine = setup({
  types: { input: {} as { api: string; webhookUrl: string }, context: {} as { api: string; webhookUrl: string; attempts: number } },
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
        onDone: 'subscribed',
        onError: [{ guard: 'mayRetry', target: 'backingOff' }, { target: 'refused' }],
      },
    },
    backingOff: { after: { backoff: 'subscribing' } },
    subscribed: { type: 'final' },
    refused: { type: 'final' },
  },
});

export function startWebhook(app: AppContext) {
  app.serve(new URL(app.endpoints.webhook).pathname, async (request) => {
    app.show(await request.json());
    return new Response(null, { status: 204 });
  });
  const actor = createActor(subscriptionMachine, {
    clock: app.clock,
    input: { api: app.endpoints.subscribe, webhookUrl: app.endpoints.webhook },
  });
  actor.subscribe((snapshot) => {
    if (snapshot.matches('refused')) app.note('The server refused the webhook subscription; nothing will be delivered.');
  });
  actor.start();
  let stopped = false;
  app.onAct((outgoing, url) => {
    send(url, outgoing).then(
      (update) => stopped || (update && app.show(update)),
      (error: Error) => stopped || app.note(`Sending failed: ${error.message}`),
    );
  });
  return {
    stop: () => {
      stopped = true;
      actor.stop();
    },
  };
}
