import type { ActorSpec, Level } from '../content/schema.ts';
import type { VirtualClock } from '../sim/clock.ts';
import type { Random } from '../sim/random.ts';
import type { Trace } from '../sim/trace.ts';
import { drawHop, type Hop } from './wire.ts';

/**
 * The mocked world behind the network: the source server's resources and what happens to them
 * over time, its webhook subscriptions and deliveries (with retries), its open WebSocket
 * connections and its rate limit. The MSW handlers read and change it; the player's app only
 * reaches it through the network.
 */

export interface ResourceState {
  /** The resource's name as the server calls it. */
  id: string;
  /** The world event that last changed it (0 when none has). */
  version: number;
  status: string;
  updatedAt: number;
  /** Every world event that has happened to this resource, oldest first. */
  events: number[];
}

export interface Change {
  atMs: number;
  status: string;
  resource: number;
}

/** Something your app serves, such as its webhook endpoint. */
export type AppRoute = (request: Request) => Promise<Response>;

export interface SocketPeer {
  id: string;
  push(payload: string): void;
}

export class World {
  readonly resources: ResourceState[];
  readonly subscriptions = new Set<string>();
  readonly sockets = new Map<string, SocketPeer>();
  readonly appRoutes = new Map<string, AppRoute>();
  private nextConnection = 1;
  private nextEvent = 1;
  private stopped = false;
  private readonly statuses: string[];
  private readonly recent: number[] = [];

  constructor(
    readonly level: Level,
    readonly clock: VirtualClock,
    readonly trace: Trace,
    private readonly random: Random,
    private readonly worldRandom: Random = random.fork('world'),
  ) {
    this.statuses = level.text.en.statuses;
    const count = level.source.resources ?? 1;
    const initialEvents = level.world.initialKnown === false ? [0] : [];
    this.resources = Array.from({ length: count }, (_, i) => ({
      id: this.resourceName(i),
      version: 0,
      status: this.statuses[0],
      updatedAt: 0,
      events: [...initialEvents],
    }));
  }

  get you(): ActorSpec {
    return this.actor(this.level.you);
  }

  get source(): ActorSpec {
    return this.actor(this.level.source.actor);
  }

  actor(id: string): ActorSpec {
    const found = this.level.actors.find((a) => a.id === id);
    if (!found) throw new Error(`No actor ${id} in level ${this.level.id}`);
    return found;
  }

  /** A resource's name: the path segment that tells it apart (the one with `{i}`), else the last one. */
  resourceName(i: number): string {
    const segments = this.level.source.resource.split('/').filter(Boolean);
    const named = segments.find((part) => part.includes('{i}')) ?? segments[segments.length - 1] ?? '';
    return named.replace('{i}', String(i + 1)) || String(i + 1);
  }

  /** The path of resource `i` (0-based). */
  resourcePath(i: number): string {
    return this.level.source.resource.replace('{i}', String(i + 1));
  }

  /** One network hop, drawn from the run's random numbers. */
  hop(): Hop {
    return drawHop(this.random, this.level.network);
  }

  connectionId(): string {
    return `ws-${this.nextConnection++}`;
  }

  /** Is your app running at this moment? A script that runs now and then is not, in between. */
  appRunning(t = this.clock.now()): boolean {
    const runs = this.you.runs;
    return !runs || t % runs.everyMs < runs.forMs;
  }

  /** Count a request against the source's rate limit; the answer is how long to wait, or 0. */
  rateLimited(): number {
    const limit = this.level.source.rateLimit;
    if (!limit) return 0;
    const now = this.clock.now();
    while (this.recent.length && this.recent[0] <= now - limit.perMs) this.recent.shift();
    if (this.recent.length >= limit.requests) return this.recent[0] + limit.perMs - now;
    this.recent.push(now);
    return 0;
  }

  /** The changes this run will see, in time order. */
  schedule(): Change[] {
    const { world } = this.level;
    const cycle = Math.max(1, this.statuses.length - 1);
    const nth = (k: number) => this.statuses[(k % cycle) + 1] ?? this.statuses[0];
    const count = this.resources.length;
    if (world.updateEveryMs) {
      const out: Change[] = [];
      for (let k = 0, at = world.updateEveryMs; at < world.durationMs; k++, at += world.updateEveryMs) {
        out.push({ atMs: at, status: nth(k), resource: k % count });
      }
      return out;
    }
    if (world.randomUpdates) {
      const { count: n, fromMs, toMs } = world.randomUpdates;
      const times = Array.from({ length: n }, () => Math.round(this.worldRandom.between(fromMs, toMs))).sort((a, b) => a - b);
      return times.map((atMs, k) => ({ atMs, status: nth(k), resource: Math.floor(this.worldRandom.next() * count) }));
    }
    return [...world.updates]
      .sort((a, b) => a.atMs - b.atMs)
      .map((u) => ({ atMs: u.atMs, status: this.statuses[u.status], resource: u.resource ?? 0 }));
  }

  start(): void {
    if (this.level.world.initialKnown === false) {
      this.trace.mark({ kind: 'world', t: 0, actor: this.you.id, label: `Your app needs: ${this.statuses[0]}`, eventId: 0 });
    }
    for (const change of this.schedule()) {
      this.clock.setTimeout(() => this.change(change), change.atMs);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private change({ status, resource }: Change): void {
    if (this.stopped) return;
    const version = this.nextEvent++;
    const state = this.resources[resource];
    state.version = version;
    state.status = status;
    state.updatedAt = this.clock.now();
    state.events.push(version);
    const label = this.resources.length > 1 ? `${state.id}: ${status}` : status;
    this.trace.mark({ kind: 'world', t: this.clock.now(), actor: this.source.id, label, eventId: version });
    const payload = JSON.stringify({ id: state.id, version, status, updatedAt: state.updatedAt, events: [version] });
    for (const url of this.subscriptions) void this.deliver(url, payload, 1, version);
    for (const socket of this.sockets.values()) socket.push(payload);
  }

  /** Resource `i` as the source server serialises it, with its whole history of changes. */
  payload(i: number): string {
    return JSON.stringify(this.resources[i]);
  }

  /** The source server's webhook sender: a real POST to the subscribed URL, retried on failure. */
  private async deliver(url: string, payload: string, attempt: number, version: number): Promise<void> {
    let delivered: boolean;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': `evt_${version}`,
          'webhook-attempt': String(attempt),
        },
        body: payload,
      });
      delivered = response.ok;
    } catch {
      delivered = false;
    }
    const retries = this.level.source.webhookRetryMs;
    if (!delivered && !this.stopped && attempt <= retries.length) {
      await this.clock.sleep(retries[attempt - 1]);
      if (!this.stopped) await this.deliver(url, payload, attempt + 1, version);
    }
  }
}
