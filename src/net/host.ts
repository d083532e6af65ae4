import type { Handler } from './handler.ts';

/**
 * Where the handlers are served: in Node by msw/node, in the browser by in-page interception.
 * One host per process or page; each run puts its own handlers in and takes them out after.
 */
export interface NetworkHost {
  use(handlers: Handler[]): void;
  reset(): void;
}
