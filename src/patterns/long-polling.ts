import type { AppContext, Update } from './app.ts';
import { send } from './plain-request.ts';
import { reconnectDelay } from './websocket.ts';

/**
 * Long polling: ask "anything after version N?" and let the server hold the question until there is
 * news or `HOLD_S` seconds have passed; then ask again at once. News comes back within one trip, and a
 * quiet stretch costs one request per hold instead of one per poll. The hold stays under the idle
 * timeout of the proxies on the way (60 s by default), which would otherwise answer 504 first. When
 * a question fails, wait before asking again: a random time up to a pause that doubles with each
 * failure in a row (full jitter), so that clients that failed together do not come back together.
 * What the user does goes up as an ordinary POST.
 */

/** How long the server may hold a question, in seconds. */
export const HOLD_S = 25;

/**
 * One held question: the resource as soon as its version passes `since`, or undefined when the
 * server held it for `holdS` seconds with nothing new (204).
 */
export async function waitForNews(url: string, since: number, holdS: number): Promise<Update | undefined> {
  const ask = new URL(url);
  ask.searchParams.set('since', String(since));
  ask.searchParams.set('timeout', String(holdS));
  const response = await fetch(ask);
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The pause before asking again after `failures` failures in a row: full jitter under a doubling cap. */
export function pauseMs(failures: number, random: () => number): number {
  return failures === 0 ? 0 : reconnectDelay(failures - 1, random);
}

export function startLongPolling(app: AppContext) {
  let stopped = false;
  const follow = async (url: string) => {
    let since = -1;
    let failures = 0;
    while (!stopped) {
      try {
        const update = await waitForNews(url, since, HOLD_S);
        failures = 0;
        if (stopped) return;
        if (update) {
          app.show(update);
          since = update.version;
          if (update.final) return app.note('Nothing more will change: long polling stops.');
        }
      } catch (error) {
        if (stopped) return;
        failures++;
        app.note(`Long poll failed (${(error as Error).message}); asking again after a pause`);
      }
      await app.clock.sleep(pauseMs(failures, app.random));
    }
  };
  for (const url of app.endpoints.resources) void follow(url);
  app.onAct((outgoing, url) => {
    send(url, outgoing).then(
      (update) => stopped || (update && app.show(update)),
      (error: Error) => stopped || app.note(`Sending failed: ${error.message}`),
    );
  });
  return { stop: () => void (stopped = true) };
}
