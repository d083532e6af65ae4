import type { MarkEvent, PacketEvent, TraceEvent } from './trace.ts';

/** Everything a run measures. Every field is computed from the trace alone. */
export interface Metrics {
  /** Requests your app sent (HTTP requests and WebSocket handshakes). */
  requests: number;
  /** Answers to your app that carried nothing new (304 Not Modified, or the same data again). */
  emptyResponses: number;
  /** Every message on the wire, each way: requests, answers, deliveries, handshakes and frames. */
  messages: number;
  /** Messages on the wire for each change in the world (all of them when nothing changed). */
  messagesPerChange: number;
  /** Bytes of every message on the wire, headers included, and again for each time TCP sent it again. */
  bytes: number;
  /** Segments TCP sent again after a loss. */
  retransmits: number;
  /** Time connections were held open for news (WebSockets, event streams), summed over every client. */
  connectionMs: number;
  /** Connection time held for each change in the world (all of it when nothing changed). */
  connectionPerChangeMs: number;
  /** Most connections open at the same moment. */
  peakConnections: number;
  /** Bytes on the wire for each change in the world (all of them when nothing changed). */
  bytesPerChange: number;
  /** WebSocket messages, both ways. */
  frames: number;
  /** Event-stream chunks a server wrote (events, comments, `retry:` lines). */
  chunks: number;
  /** Webhook deliveries sent by a server, retries included. */
  deliveries: number;
  /** Webhook deliveries that did not get a 2xx answer (lost, refused or failed). */
  failedDeliveries: number;
  /** Webhook deliveries that were second or later attempts. */
  retriedDeliveries: number;
  /** World changes that happened in the run. */
  events: number;
  /** World changes your app never learned of before the run ended. */
  lostEvents: number;
  /** Time from a change happening to your app knowing it: median and worst (unknown ones count until the end). */
  stalenessP50Ms: number;
  stalenessMaxMs: number;
  /** Time from a change to your app showing it or anything newer, worst case: how stale the screen's latest value got. */
  latestStalenessMaxMs: number;
  /** Most messages arriving at one server within any one second. */
  peakServerRps: number;
  /** Most requests (HTTP requests and WebSocket handshakes) arriving at one server within any one second. */
  peakRequestsPerSecond: number;
  /** Most pushes (WebSocket frames, event-stream chunks) one server sent within any one second: its fan-out. */
  peakPushesPerSecond: number;
  /** Connections a client opened again after losing one (handshakes and stream requests after its first). */
  reconnects: number;
  /** Most reconnections arriving at one server within any one second (refused ones, with nothing listening, not counted). */
  peakReconnectsPerSecond: number;
  /** Connections or requests the server refused. */
  refused: number;
  /** Time from a user's action to the first of its answer on their screen (or word that it was turned down), worst case; 0 when nobody acts. */
  firstByteMs: number;
  /** Users' actions (messages, bids, forms) that never took effect at the server: turned down, lost or never sent. */
  failedSubmissions: number;
  /** Endpoints your app opened to the whole internet (for webhooks to be delivered to). */
  publicEndpoints: number;
  /** Answers with a 4xx or 5xx status, or a 429. */
  errors: number;
  /** The run's length in virtual time. */
  durationMs: number;
  /** Times your app acted again on a change it had already acted on (an order shipped twice, a card charged twice). */
  duplicateActions: number;
  /** Times your app acted on a change that had not happened at the source (a forged "payment succeeded"). */
  falseActions: number;
  /** Times your app showed a resource's state older than one it had already shown (told "out for delivery" after "delivered"). */
  staleShown: number;
  /** Most bytes a server had waiting to go out to one client at the same moment (a slow link that cannot keep up). */
  peakBufferBytes: number;
}

export interface MetricsScope {
  /** The actors that run the player's app (one, or each client where it runs in several places). */
  clients: readonly string[];
  /** Actors that count as servers for peak load. */
  servers: readonly string[];
  /** Virtual time the run ended. */
  endMs: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function peakPerSecond(times: number[]): number {
  times.sort((a, b) => a - b);
  let peak = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= 1000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

/** Most times in any one second, per key, the highest of them. */
function peakPerSecondBy(items: Array<{ key: string; t: number }>): number {
  const byKey = new Map<string, number[]>();
  for (const { key, t } of items) {
    const times = byKey.get(key);
    if (times) times.push(t);
    else byKey.set(key, [t]);
  }
  return Math.max(0, ...[...byKey.values()].map(peakPerSecond));
}

/** Most bytes waiting at once in one sender's buffer towards one receiver: each message from when it was sent until it left. */
function peakBuffered(packets: PacketEvent[]): number {
  const byLink = new Map<string, Array<[t: number, bytes: number]>>();
  for (const p of packets) {
    if (p.leftAt === undefined || p.leftAt <= p.t) continue;
    const key = `${p.from}>${p.to}`;
    const steps = byLink.get(key) ?? [];
    steps.push([p.t, p.size], [p.leftAt, -p.size]);
    byLink.set(key, steps);
  }
  let peak = 0;
  for (const steps of byLink.values()) {
    let waiting = 0;
    // At one instant a message that leaves makes room before the next one is counted.
    for (const [, bytes] of steps.sort((a, b) => a[0] - b[0] || a[1] - b[1])) peak = Math.max(peak, (waiting += bytes));
  }
  return peak;
}

/** The most connections open at once (open and close marks). */
function peakOpen(marks: MarkEvent[]): number {
  let open = 0;
  let peak = 0;
  const live = new Set<string>();
  for (const m of [...marks].sort((a, b) => a.t - b.t || a.seq - b.seq)) {
    if (!m.connection) continue;
    if (m.kind === 'open' && !live.has(m.connection)) {
      live.add(m.connection);
      peak = Math.max(peak, ++open);
    }
    if (m.kind === 'close' && live.delete(m.connection)) open--;
  }
  return peak;
}

function connectionTime(marks: MarkEvent[], endMs: number): number {
  const opened = new Map<string, number>();
  let total = 0;
  for (const m of marks) {
    if (!m.connection) continue;
    if (m.kind === 'open') opened.set(m.connection, m.t);
    if (m.kind === 'close' && opened.has(m.connection)) {
      total += m.t - (opened.get(m.connection) ?? m.t);
      opened.delete(m.connection);
    }
  }
  for (const t of opened.values()) total += endMs - t;
  return total;
}

export function computeMetrics(events: readonly TraceEvent[], scope: MetricsScope): Metrics {
  const packets = events.filter((e): e is PacketEvent => e.type === 'packet');
  const marks = events.filter((e): e is MarkEvent => e.type === 'mark');
  const webhookSeqs = new Set(packets.filter((p) => p.kind === 'webhook').map((p) => p.seq));

  const world = marks.filter((m) => m.kind === 'world');
  // When each client learned each change: every client must learn every change.
  const knownAt = new Map<string, number>();
  const key = (client: string, eventId: number | undefined) => `${client}#${eventId ?? -1}`;
  for (const m of marks) {
    if (m.kind === 'known' && !knownAt.has(key(m.actor, m.eventId))) knownAt.set(key(m.actor, m.eventId), m.t);
  }
  const staleness = world.flatMap((w) => scope.clients.map((c) => (knownAt.get(key(c, w.eventId)) ?? scope.endMs) - w.t));
  // The screen's latest value: a change counts as shown once it, or any later change of the same resource, is known.
  const latestStaleness = world.flatMap((w, i) => {
    const later = world.slice(i).filter((v) => v.resource === w.resource);
    return scope.clients.map((c) => Math.min(scope.endMs, ...later.map((v) => knownAt.get(key(c, v.eventId)) ?? scope.endMs)) - w.t);
  });
  const acts = marks.filter((m) => m.kind === 'act');
  // An act is answered when its user's app first shows something of it, or hears it was turned down.
  const firstAnswer = acts.map((act) => {
    const seen = world.filter((w) => w.act === act.act).map((w) => knownAt.get(key(act.actor, w.eventId)) ?? scope.endMs);
    const refused = marks.filter((m) => m.kind === 'note' && m.act === act.act && m.actor === act.actor).map((m) => m.t);
    return Math.min(scope.endMs, ...seen, ...refused) - act.t;
  });

  const webhooks = packets.filter((p) => p.kind === 'webhook');
  const failedAnswers = packets.filter((p) => p.kind === 'response' && p.replyTo !== undefined && webhookSeqs.has(p.replyTo) && p.outcome !== 'ok');

  const asked = packets.filter((p) => scope.clients.includes(p.from) && (p.kind === 'request' || p.kind === 'handshake'));
  const atServer = (p: PacketEvent) => p.outcome !== 'lost' && scope.servers.includes(p.to);
  const connectionMs = connectionTime(marks, scope.endMs);
  const bytes = packets.reduce((sum, p) => sum + p.size * (1 + (p.retransmits ?? 0)), 0);
  const perChange = (n: number) => Math.round((n / Math.max(1, world.length)) * 10) / 10;
  return {
    requests: asked.length,
    emptyResponses: packets.filter((p) => scope.clients.includes(p.to) && p.kind === 'response' && p.outcome === 'unchanged').length,
    messages: packets.length,
    messagesPerChange: perChange(packets.length),
    bytes,
    bytesPerChange: perChange(bytes),
    retransmits: packets.reduce((sum, p) => sum + (p.retransmits ?? 0), 0),
    connectionMs,
    connectionPerChangeMs: perChange(connectionMs),
    peakConnections: peakOpen(marks),
    frames: packets.filter((p) => p.kind === 'frame').length,
    chunks: packets.filter((p) => p.kind === 'chunk').length,
    deliveries: webhooks.length,
    failedDeliveries: webhooks.filter((p) => p.outcome === 'lost' || p.outcome === 'refused').length + failedAnswers.length,
    retriedDeliveries: webhooks.filter((p) => (p.attempt ?? 1) > 1).length,
    events: world.length,
    lostEvents: world.filter((w) => scope.clients.some((c) => !knownAt.has(key(c, w.eventId)))).length,
    stalenessP50Ms: percentile(staleness, 50),
    stalenessMaxMs: staleness.length ? Math.max(...staleness) : 0,
    latestStalenessMaxMs: latestStaleness.length ? Math.max(...latestStaleness) : 0,
    peakServerRps: peakPerSecondBy(packets.filter((p) => p.kind !== 'response' && atServer(p)).map((p) => ({ key: p.to, t: p.arriveAt }))),
    peakRequestsPerSecond: peakPerSecondBy(asked.filter(atServer).map((p) => ({ key: p.to, t: p.arriveAt }))),
    peakPushesPerSecond: peakPerSecondBy(
      packets.filter((p) => (p.kind === 'frame' || p.kind === 'chunk') && scope.servers.includes(p.from)).map((p) => ({ key: p.from, t: p.t })),
    ),
    reconnects: asked.filter((p) => p.reconnect).length,
    // A refused attempt (nothing listening, the server restarting) reaches no server process: it is not its load.
    peakReconnectsPerSecond: peakPerSecondBy(
      asked.filter((p) => p.reconnect && atServer(p) && p.outcome !== 'refused').map((p) => ({ key: p.to, t: p.arriveAt })),
    ),
    refused: packets.filter((p) => p.outcome === 'refused').length,
    errors: packets.filter((p) => p.kind === 'response' && (p.outcome === 'error' || p.outcome === 'rate-limited')).length,
    firstByteMs: firstAnswer.length ? Math.max(...firstAnswer) : 0,
    failedSubmissions: acts.filter((act) => !world.some((w) => w.act === act.act)).length,
    publicEndpoints: marks.filter((m) => m.kind === 'endpoint').length,
    durationMs: scope.endMs,
    ...actionMetrics(events),
    peakBufferBytes: peakBuffered(packets.filter((p) => scope.servers.includes(p.from))),
  };
}

/** What was wrong with one of your app's actions: a change acted on again, one that never happened, an older state shown after a newer one. */
export type ActionFault = 'again' | 'never' | 'older';

/**
 * What your app did wrong with what it was told, from its `acted` marks, by the mark's seq: acting
 * twice on one change, acting on a change the source never made (none of its changes to that resource
 * has that id, by then), and showing an older state of a resource after a newer one.
 */
export function actionFaults(events: readonly TraceEvent[]): Map<number, ActionFault[]> {
  const happened = new Map<string, number>();
  for (const w of events) if (w.type === 'mark' && w.kind === 'world' && w.eventId !== undefined) happened.set(`${w.resource ?? ''}#${w.eventId}`, w.t);
  const done = new Set<string>();
  const newest = new Map<string, number>();
  const faults = new Map<number, ActionFault[]>();
  for (const m of events) {
    if (m.type !== 'mark' || m.kind !== 'acted' || m.eventId === undefined) continue;
    const found: ActionFault[] = [];
    const change = `${m.resource ?? ''}#${m.eventId}`;
    const at = happened.get(change);
    if (at === undefined || at > m.t) found.push('never');
    const once = `${m.actor} ${change}`;
    if (done.has(once)) found.push('again');
    done.add(once);
    const shown = `${m.actor} ${m.resource ?? ''}`;
    const before = newest.get(shown) ?? -Infinity;
    if (m.eventId < before) found.push('older');
    newest.set(shown, Math.max(before, m.eventId));
    if (found.length) faults.set(m.seq, found);
  }
  return faults;
}

function actionMetrics(events: readonly TraceEvent[]): Pick<Metrics, 'duplicateActions' | 'falseActions' | 'staleShown'> {
  const all = [...actionFaults(events).values()].flat();
  const count = (fault: ActionFault) => all.filter((f) => f === fault).length;
  return { duplicateActions: count('again'), falseActions: count('never'), staleShown: count('older') };
}

export type MetricName = keyof Metrics;
export const metricNames = [
  'requests',
  'emptyResponses',
  'messages',
  'messagesPerChange',
  'bytes',
  'bytesPerChange',
  'retransmits',
  'connectionMs',
  'connectionPerChangeMs',
  'peakConnections',
  'frames',
  'chunks',
  'deliveries',
  'failedDeliveries',
  'retriedDeliveries',
  'events',
  'lostEvents',
  'stalenessP50Ms',
  'stalenessMaxMs',
  'latestStalenessMaxMs',
  'peakServerRps',
  'peakRequestsPerSecond',
  'peakPushesPerSecond',
  'reconnects',
  'peakReconnectsPerSecond',
  'refused',
  'errors',
  'firstByteMs',
  'failedSubmissions',
  'publicEndpoints',
  'durationMs',
  'duplicateActions',
  'falseActions',
  'staleShown',
  'peakBufferBytes',
] as const satisfies readonly MetricName[];

/** A metric measured in milliseconds (its name ends in Ms): a duration, read and written as one. */
export function isDurationMetric(name: string): boolean {
  return name.endsWith('Ms');
}

/** How many times each defence of your app caught something in a run (a retried delivery ignored, a forged one refused), by defence name. */
export function defenceCatches(events: readonly TraceEvent[]): Record<string, number> {
  const caught: Record<string, number> = {};
  for (const e of events) if (e.type === 'mark' && e.kind === 'defence' && e.defence) caught[e.defence] = (caught[e.defence] ?? 0) + 1;
  return caught;
}
