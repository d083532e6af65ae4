import type { VirtualClock } from '../sim/clock.ts';

/**
 * The clock must not move while a request is still on its way to its handler, or while an answer's
 * body is being read: that is real asynchronous work (in the browser it can take several tasks).
 * This tap wraps the page's fetch (already intercepted by MSW) and holds the clock for exactly those
 * stretches; the handlers release it while they wait on virtual time (see ./exchange.ts).
 */
const bodyReaders = ['json', 'text', 'arrayBuffer', 'blob', 'formData'] as const;

export function holdBodies(clock: VirtualClock, message: Request | Response): void {
  for (const name of bodyReaders) {
    const read = (message[name] as () => Promise<unknown>).bind(message);
    Object.defineProperty(message, name, { configurable: true, value: () => clock.holding(read) });
  }
}

export function tapFetch(clock: VirtualClock): () => void {
  const intercepted = globalThis.fetch;
  const tapped: typeof fetch = async (input, init) => {
    const release = clock.hold();
    try {
      const response = await intercepted(input, init);
      holdBodies(clock, response);
      return response;
    } finally {
      release();
    }
  };
  globalThis.fetch = tapped;
  return () => {
    if (globalThis.fetch === tapped) globalThis.fetch = intercepted;
  };
}
