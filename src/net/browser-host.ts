import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { WebSocketInterceptor } from '@mswjs/interceptors/WebSocket';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import type { Handler } from './handler.ts';
import type { NetworkHost } from './host.ts';

/**
 * The browser host: in-page interception of fetch, XMLHttpRequest and WebSocket. No service
 * worker, so it works inside cross-origin and sandboxed iframes (docs/architecture.md, browser traps). Import it only
 * after guardStorage() has run (see ./browser.ts).
 */
type Interceptors = ConstructorParameters<typeof InterceptorSource>[0]['interceptors'];

let network: ReturnType<typeof create> | undefined;

function create() {
  return defineNetwork({
    sources: [
      new InterceptorSource({
        // The interceptors' bundled typings disagree with each other; at run time they are one library.
        interceptors: [new FetchInterceptor(), new XMLHttpRequestInterceptor(), new WebSocketInterceptor()] as unknown as Interceptors,
      }),
    ],
    handlers: [],
    // The game draws and logs every message itself; MSW's console log would double it.
    context: { quiet: true },
    onUnhandledFrame: 'error',
  });
}

export function browserHost(): NetworkHost {
  if (!network) {
    network = create();
    network.enable();
  }
  const active = network;
  return {
    use: (handlers: Handler[]) => active.resetHandlers(...handlers),
    reset: () => active.resetHandlers(),
  };
}
