import type { Update } from './app.ts';

/**
 * WebSocket: open one connection and keep it; the server pushes every change down it at once, and
 * what the user does goes up the same connection. Written as careful engineers write it:
 * - a heartbeat: every HEARTBEAT_MS the page sends a ping and expects the server's pong within
 *   PONG_TIMEOUT_MS; silence means the connection is dead (a network that dropped it without telling
 *   anyone), so the page closes it and connects again. The pings also keep proxies from closing the
 *   connection as idle (60 s is their usual timeout, so the pings come more often than that);
 * - reconnecting after a random wait under a cap that doubles with each failed attempt (full jitter),
 *   so that thousands of pages dropped by one restart do not all come back in the same instant;
 * - catching up: it reconnects with `since=<last version it has>`, and the server sends what came after.
 * The timers are passed in (the run's clock); the XState wiring that drives it is ./websocket-machine.ts.
 */

export const HEARTBEAT_MS = 25_000;
export const PONG_TIMEOUT_MS = 10_000;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 30_000;

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface SocketHandlers {
  /** A change from the server. */
  update(update: Update): void;
  /** The socket closed (by either side, or because the heartbeat found it dead). */
  closed(code: number): void;
  /** The heartbeat found the connection dead: no pong in time. */
  dead?(): void;
}

/**
 * The wait before reconnect attempt `failures` (0 for the first after a drop): full jitter, a random
 * wait under the doubling cap. Without jitter (`jitter` false) the wait is the cap itself: still backing
 * off, but every page dropped at the same moment comes back at the same moment.
 */
export function reconnectDelay(failures: number, random: () => number, jitter = true): number {
  const cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failures);
  return jitter ? Math.round(random() * cap) : cap;
}

/** The socket's address, asking to catch up after `since` when the page already has some versions. */
export function socketUrl(url: string, since: number): string {
  if (since <= 0) return url;
  const address = new URL(url);
  address.searchParams.set('since', String(since));
  return address.toString();
}

/** Open one socket, with its heartbeat unless `heartbeat` is false. `send` takes what the user did; `close` ends it. */
export function openSocket(url: string, on: SocketHandlers, timers: Timers, heartbeat = true) {
  const ws = new WebSocket(url);
  let beat: number | undefined;
  let deadline: number | undefined;
  const stopTimers = () => {
    if (beat !== undefined) timers.clearTimeout(beat);
    if (deadline !== undefined) timers.clearTimeout(deadline);
    beat = deadline = undefined;
  };
  const scheduleBeat = () => {
    if (!heartbeat) return;
    beat = timers.setTimeout(() => {
      ws.send(JSON.stringify({ type: 'ping' }));
      // No answer in time: the connection is dead, whatever the socket's state says.
      deadline = timers.setTimeout(() => {
        on.dead?.();
        ws.close(4000, 'heartbeat timed out');
      }, PONG_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  };
  ws.onopen = scheduleBeat;
  ws.onmessage = (event) => {
    // Anything from the server shows the connection is alive.
    stopTimers();
    scheduleBeat();
    const message = JSON.parse(String(event.data)) as Update | { type: 'pong' };
    if ('type' in message && message.type === 'pong') return;
    on.update(message as Update);
  };
  ws.onclose = (event) => {
    stopTimers();
    on.closed(event.code);
  };
  return {
    send: (data: unknown) => ws.send(JSON.stringify(data)),
    close: () => {
      stopTimers();
      ws.close();
    },
  };
}
