import type { Update } from './app.ts';

/**
 * Polling: ask the server every `intervalMs` whether anything changed, for every resource you
 * follow. With an ETag the server can answer "304 Not Modified" instead of sending the same data
 * again. Careful pollers also:
 * - ask at once, then start their rhythm at a random point of the first interval (jitter), so that
 *   clients started together do not all ask at the same instant ever after (without it, the rhythm is
 *   set to the clock's round times, :00, :05…, and every client asks at the same instant); keep that rhythm (each
 *   poll one interval after the last one started), and after sending what the user did, poll one
 *   interval later for what it started;
 * - back off when the server fails (a 5xx or no answer): twice the wait after each failure in a row;
 * - wait as long as a 429's or 503's Retry-After says (seconds, or an HTTP date);
 * - stop once the server says nothing more will happen (the payment succeeded).
 * What the user does is sent as a POST; anything it starts is picked up by the next polls.
 * The timers and the rhythm are driven by its XState wiring, ./polling-machine.ts.
 */
export interface Poll {
  etags: Record<string, string>;
  updates: Update[];
  /** How long the server asked us to wait (0 when it did not). */
  retryAfterMs: number;
  /** The server failed or did not answer. */
  failed: boolean;
  /** Resources that will not change any more. */
  done: string[];
}

/** A Retry-After header's wait in ms: a number of seconds, or an HTTP date (`now` is the client's clock). */
export function retryAfterMs(header: string | null, nowMs: number): number {
  if (header === null || header.trim() === '') return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, at - nowMs);
}

/** One round: ask for every resource, with the ETag of what you have, and sum up what came back. */
export async function pollAll(urls: string[], etags: Record<string, string>, nowMs: number): Promise<Poll> {
  const result: Poll = { etags: { ...etags }, updates: [], retryAfterMs: 0, failed: false, done: [] };
  await Promise.all(
    urls.map(async (url) => {
      const etag = etags[url];
      const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} }).catch(() => undefined);
      if (!response || response.status >= 500) result.failed = true;
      if (response && (response.status === 429 || response.status === 503)) {
        result.retryAfterMs = Math.max(result.retryAfterMs, retryAfterMs(response.headers.get('Retry-After'), nowMs));
      }
      if (response?.ok) {
        result.etags[url] = response.headers.get('ETag') ?? '';
        const update: Update = await response.json();
        result.updates.push(update);
        if (update.final) result.done.push(url);
      }
    }),
  );
  return result;
}

/** Waits after a failure grow to this many intervals at most. */
const MAX_BACKOFF_INTERVALS = 16;

export interface PollingContext {
  urls: string[];
  /** The client's clock (to read a Retry-After date against). */
  now: () => number;
  intervalMs: number;
  /**
   * The wait before the second poll: a random part of one interval (spread), or 'aligned': until the
   * clock's next round multiple of the interval (:00, :05…), as cron and timers set to the clock do.
   */
  firstWaitMs: number | 'aligned';
  polls: number;
  /** When the last poll (or the user's request, which starts something the polls will pick up) was sent. */
  lastStartMs: number;
  failures: number;
  etags: Record<string, string>;
  retryAfterMs: number;
}

/**
 * How long to wait before the next poll. Polls keep a steady rhythm (each one `intervalMs` after the
 * last one started, or at once if that answer took longer); after a failure or a Retry-After the wait
 * counts from the answer.
 */
export function nextWaitMs(c: PollingContext): number {
  if (c.retryAfterMs > 0) return Math.max(c.intervalMs, c.retryAfterMs);
  if (c.failures > 0) return c.intervalMs * Math.min(MAX_BACKOFF_INTERVALS, 2 ** c.failures);
  if (c.polls === 1) return c.firstWaitMs === 'aligned' ? c.intervalMs - (c.now() % c.intervalMs) : c.firstWaitMs;
  return Math.max(0, c.lastStartMs + c.intervalMs - c.now());
}
