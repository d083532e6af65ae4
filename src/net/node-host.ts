import { setupServer } from 'msw/node';
import type { Handler } from './handler.ts';
import type { NetworkHost } from './host.ts';

let server: ReturnType<typeof setupServer> | undefined;

/** The Node host: one msw/node server for the process, listening from the first run on. */
export function nodeHost(): NetworkHost {
  const active = server ?? setupServer();
  if (!server) {
    server = active;
    active.listen({ onUnhandledRequest: 'error' });
  }
  return {
    use: (handlers: Handler[]) => active.resetHandlers(...handlers),
    reset: () => active.resetHandlers(),
  };
}
