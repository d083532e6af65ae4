import type { AppContext } from './app.ts';

/**
 * Direct call (or a queue): both services are yours, so the one where things happen calls the one
 * that needs to know, over your own network, the moment it happens. No public endpoint, no
 * subscription, no signatures. A call that fails waits in a queue and is tried again.
 */
export function startDirectCall(app: AppContext) {
  // In the service that needs to know: an endpoint that only your own network can reach.
  app.serve(
    new URL(app.endpoints.internal).pathname,
    async (request) => {
      app.show(await request.json());
      return new Response(null, { status: 204 });
    },
    { internal: true },
  );
  if (!app.source) {
    app.note("The other service is not yours: you can't make its code call you.");
    return { stop: () => {} };
  }

  // In the service where things happen: call at once; keep what fails in a queue and retry it.
  const queue: string[] = [];
  let stopped = false;
  const call = async (payload: string) => {
    try {
      const response = await fetch(app.endpoints.internal, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch {
      queue.push(payload);
      app.clock.setTimeout(() => !stopped && call(queue.shift()!), 1000);
    }
  };
  const unlisten = app.source.onChange((payload) => void call(payload));
  return {
    stop: () => {
      stopped = true;
      unlisten();
    },
  };
}
