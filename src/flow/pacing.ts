import { countAtMost } from '../sim/sorted.ts';
import type { PacketEvent, TraceEvent } from '../sim/trace.ts';
import { findMoments, lostAt, type Moment } from './moments.ts';

/**
 * How a finished run is played: a map from virtual time to playback time (milliseconds of wall time
 * at 1x). Time with a message on the wire plays slowly enough to follow a packet across; quiet time
 * is compressed, a day about as long as a few seconds of traffic; each moment that decides the
 * verdict holds the playback for a while. The whole run then plays in about half a minute at 1x,
 * whatever its simulated span: a two-day run and a twenty-second one alike.
 */
export const PACE = {
  /** A run plays at least this long at 1x, and at most `maxMs`. */
  minMs: 22_000,
  maxMs: 34_000,
  /** A message of typical latency takes this long to cross the stage at 1x (before the run is fitted to min..max). */
  flightMs: 900,
  /** Messages from this many typical latencies before a moment to this many after it keep their pace longest. */
  focusBefore: 2,
  focusAfter: 1,
  /** …taking at most this share of the longest playback between them. */
  focusShare: 0.4,
  /** A short run is stretched to `minMs`; its messages and holds at most this many times. */
  maxStretch: 2,
  /** Each moment that decides the verdict holds the playback this long at 1x… */
  dwellMs: 1200,
  /** …but all of them together take at most this share of the longest playback. */
  dwellShare: 0.35,
  /** A quiet stretch costs `quietMs` plus `quietPerDecadeMs` per tenfold of its length in seconds. */
  quietMs: 200,
  quietPerDecadeMs: 250,
} as const;

export interface PacedMoment extends Moment {
  /** Its place in the playback (ms at 1x). */
  at: number;
}

export interface Pacing {
  /** The run's end in virtual time. */
  readonly endMs: number;
  /** The playback's length at 1x, in ms. */
  readonly lengthMs: number;
  readonly moments: readonly PacedMoment[];
  /** The playback position (ms at 1x) at which virtual time `t` is shown. */
  positionOf(t: number): number;
  /** The virtual time shown at playback position `position`. */
  timeAt(position: number): number;
  /** True where quiet time plays faster than messages move. */
  fastAt(position: number): boolean;
  /** The next moment something is sent, arrives or happens, after virtual time `t`. */
  nextStop(t: number): number | undefined;
  /** The last such moment before `t`. */
  previousStop(t: number): number | undefined;
  /** The last such moment at or before `t`. */
  lastStop(t: number): number;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

/** Last index i with xs[i] <= x (0 when none). */
function floorIndex(xs: readonly number[], x: number): number {
  return Math.max(0, countAtMost(xs, x, (v) => v) - 1);
}

export function quietCost(ms: number): number {
  return PACE.quietMs + PACE.quietPerDecadeMs * Math.log10(1 + ms / 1000);
}

/** Pace a run: `events` in time order, up to `endMs`. */
export function pace(events: readonly TraceEvent[], endMs: number): Pacing {
  const packets = events.filter((e): e is PacketEvent => e.type === 'packet' && e.t < endMs);
  const flights = packets.map((p) => [p.t, Math.min(p.arriveAt, endMs)] as const).filter(([a, b]) => b > a);
  const typical = median(flights.map(([a, b]) => b - a)) ?? 100;
  const rate = PACE.flightMs / typical; // playback ms per virtual ms while messages move
  const moments = findMoments(events, endMs);
  const dwellWindow = typical / 4;
  // Around each moment, the messages that led to it and came of it: these keep their pace longest.
  const focus = moments.map((m) => [Math.max(0, m.t - PACE.focusBefore * typical), Math.min(endMs, m.t + PACE.focusAfter * typical)] as const);

  // Every instant where something starts, stops or happens cuts the run into pieces.
  const stops = sortedUnique(
    [
      0,
      ...events.filter((e) => e.t <= endMs).map((e) => e.t),
      ...packets.map((p) => (p.outcome === 'lost' ? lostAt(p) : p.arriveAt)).filter((t) => t <= endMs),
    ].filter((t) => t >= 0),
  );
  const xs = sortedUnique([...stops, endMs, ...flights.flat(), ...focus.flat(), ...moments.flatMap((m) => [m.t, Math.min(endMs, m.t + dwellWindow)])]);
  const n = xs.length - 1;

  // A piece is busy while a message is on the wire, and in focus near a moment.
  const sweep = (spans: ReadonlyArray<readonly [number, number]>) => {
    const delta = new Array<number>(n + 1).fill(0);
    for (const [a, b] of spans) {
      if (b <= a) continue;
      delta[floorIndex(xs, a)]++;
      delta[floorIndex(xs, b)]--;
    }
    let level = 0;
    return delta.slice(0, n).map((d) => (level += d) > 0);
  };
  const busy = sweep(flights);
  const near = sweep(focus);
  const kind = busy.map((b, i) => (b ? (near[i] ? 'focus' : 'routine') : 'quiet'));
  const cost = new Array<number>(n);
  const pool = { focus: 0, routine: 0, quiet: 0 };
  for (let i = 0; i < n; i++) {
    const len = xs[i + 1] - xs[i];
    cost[i] = kind[i] === 'quiet' ? Math.min(len * rate, quietCost(len)) : len * rate;
    pool[kind[i] as keyof typeof pool] += cost[i];
  }

  // Each moment holds the playback, unless one held it just before (a burst of moments holds once).
  const dwell = new Array<number>(n).fill(0);
  let held = -Infinity;
  let position = 0;
  let upTo = 0;
  for (const m of moments) {
    const i = floorIndex(xs, m.t);
    if (i >= n) continue;
    for (; upTo < i; upTo++) position += cost[upTo];
    if (position - held < PACE.dwellMs) continue;
    dwell[i] += PACE.dwellMs;
    held = position;
  }
  const holds = dwell.reduce((a, b) => a + b, 0);
  const dwellTotal = Math.min(holds, PACE.dwellShare * PACE.maxMs);

  // Fit the run to min..max. Too long: routine traffic and quiet time give way first, then the
  // messages near the moments; the holds stay. Too short: quiet time stretches most, messages and
  // holds at most twice.
  const scale = { focus: 1, routine: 1, quiet: 1, dwell: 1 };
  if (holds > 0) scale.dwell = dwellTotal / holds;
  const natural = pool.focus + pool.routine + pool.quiet + dwellTotal;
  if (natural > PACE.maxMs) {
    const focused = Math.min(pool.focus, PACE.focusShare * PACE.maxMs);
    const rest = pool.routine + pool.quiet;
    const room = PACE.maxMs - dwellTotal - focused;
    if (rest > 0) {
      scale.focus = pool.focus > 0 ? focused / pool.focus : 1;
      scale.routine = scale.quiet = room / rest;
    } else scale.focus = (PACE.maxMs - dwellTotal) / pool.focus;
  } else if (natural < PACE.minMs) {
    const stretch = Math.min(PACE.maxStretch, PACE.minMs / natural);
    scale.focus = scale.routine = stretch;
    scale.dwell *= stretch;
    const fixed = (pool.focus + pool.routine) * stretch + dwellTotal * stretch;
    if (pool.quiet > 0) scale.quiet = Math.max(1, (PACE.minMs - fixed) / pool.quiet);
    else scale.focus = scale.routine = (PACE.minMs - dwellTotal * stretch) / (pool.focus + pool.routine);
  }
  const ws = new Array<number>(n + 1);
  const fast = new Array<boolean>(n);
  ws[0] = 0;
  for (let i = 0; i < n; i++) {
    const k = scale[kind[i] as keyof typeof pool];
    ws[i + 1] = ws[i] + cost[i] * k + dwell[i] * scale.dwell;
    fast[i] = kind[i] === 'quiet' && cost[i] * k < (xs[i + 1] - xs[i]) * rate * Math.min(1, scale.focus);
  }
  const lengthMs = ws[n];

  const positionOf = (t: number): number => {
    if (t <= 0) return 0;
    if (t >= endMs) return lengthMs;
    const i = floorIndex(xs, t);
    if (xs[i] === t || i >= n) return ws[i];
    return ws[i] + ((t - xs[i]) / (xs[i + 1] - xs[i])) * (ws[i + 1] - ws[i]);
  };
  const timeAt = (p: number): number => {
    if (p <= 0) return 0;
    if (p >= lengthMs) return endMs;
    const i = floorIndex(ws, p);
    if (ws[i] === p || i >= n) return xs[i];
    return xs[i] + ((p - ws[i]) / (ws[i + 1] - ws[i])) * (xs[i + 1] - xs[i]);
  };

  return {
    endMs,
    lengthMs,
    moments: moments.map((m) => ({ ...m, at: positionOf(m.t) })),
    positionOf,
    timeAt,
    fastAt: (p) => fast[Math.min(n - 1, floorIndex(ws, p))] ?? false,
    nextStop: (t) => {
      const i = floorIndex(stops, t);
      return stops[i] > t ? stops[i] : stops[i + 1];
    },
    lastStop: (t) => stops[floorIndex(stops, t)],
    previousStop: (t) => {
      const i = floorIndex(stops, t);
      if (stops[i] < t) return stops[i];
      return i > 0 ? stops[i - 1] : undefined;
    },
  };
}
