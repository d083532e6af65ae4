import type { AppContext } from './app.ts';

/**
 * Direct call (or a queue): both services are yours, so the one where things happen calls the one
 * that needs to know, over your own network, the moment it happens. No public endpoint, no
 * subscription, no signatures. Calls wait in a queue, in order; one that fails is tried again
 * after a growing pause, and one the receiver rejects outright (4xx) is set aside.
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

  // In the service where things happen: a queue, drained by one worker.
  const queue: string[] = [];
  let working = false;
  let stopped = false;
  let pauseMs = 0;
  const drain = async () => {
    if (working || stopped) return;
    working = true;
    while (queue.length && !stopped) {
      // 0: the call was lost, or nobody answered.
      const status = await fetch(app.endpoints.internal, { method: 'POST', headers: { 'content-type': 'application/json' }, body: queue[0] }).then(
        (response) => response.status,
        () => 0,
      );
      if (status >= 200 && status < 300) queue.shift();
      else if (status >= 400 && status < 500) app.note(`The mailer rejected a call (HTTP ${status}); set aside: ${queue.shift()}`);
      if (status >= 200 && status < 500) {
        pauseMs = 0;
        continue;
      }
      pauseMs = Math.min(30_000, pauseMs ? pauseMs * 2 : 1000);
      await new Promise((resume) => app.clock.setTimeout(resume, pauseMs));
    }
    working = false;
  };
  const unlisten = app.source.onChange((payload) => {
    queue.push(payload);
    void drain();
  });
  return {
    stop: () => {
      stopped = true;
      unlisten();
    },
  };
}
