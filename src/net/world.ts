import type { ActorSpec, Level } from '../content/schema.ts';
import type { VirtualClock } from '../sim/clock.ts';
import type { Random } from '../sim/random.ts';
import type { Trace } from '../sim/trace.ts';
import { drawHop, type Hop } from './wire.ts';

/**
 * The mocked world behind the network: the source server's data and what happens to it over time,
 * its webhook subscriptions and deliveries (with retries), and its open WebSocket connections.
 * The MSW handlers read and change it; the player's app only reaches it through the network.
 */

export interface ResourceState {
  /** Grows by one with every change; change n is world event n. */
  version: number;
  status: string;
  updatedAt: number;
}

/** Something your app serves, such as its webhook endpoint. */
export type AppRoute = (request: Request) => Promise<Response>;

export interface SocketPeer {
  id: string;
  push(payload: string): void;
}

export class World {
  state: ResourceState;
  readonly subscriptions = new Set<string>();
  readonly sockets = new Map<string, SocketPeer>();
  readonly appRoutes = new Map<string, AppRoute>();
  private nextConnection = 1;
  private stopped = false;
  private readonly statuses: string[];

  constructor(
    readonly level: Level,
    readonly clock: VirtualClock,
    readonly trace: Trace,
    private readonly random: Random,
  ) {
    this.statuses = level.text.en.statuses;
    this.state = { version: 0, status: this.statuses[0], updatedAt: 0 };
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

  actorByHost(host: string): ActorSpec | undefined {
    return this.level.actors.find((a) => a.host === host);
  }

  /** One network hop, drawn from the run's random numbers. */
  hop(): Hop {
    return drawHop(this.random, this.level.network);
  }

  connectionId(): string {
    return `ws-${this.nextConnection++}`;
  }

  /** The changes this run will see, in time order. */
  schedule(): Array<{ atMs: number; status: string }> {
    const { world } = this.level;
    if (world.updateEveryMs) {
      const out: Array<{ atMs: number; status: string }> = [];
      const cycle = this.statuses.length - 1 || 1;
      for (let k = 1, at = world.updateEveryMs; at < world.durationMs; k++, at += world.updateEveryMs) {
        out.push({ atMs: at, status: this.statuses[((k - 1) % cycle) + 1] ?? this.statuses[0] });
      }
      return out;
    }
    return [...world.updates].sort((a, b) => a.atMs - b.atMs).map((u) => ({ atMs: u.atMs, status: this.statuses[u.status] }));
  }

  start(): void {
    for (const change of this.schedule()) {
      this.clock.setTimeout(() => this.change(change.status), change.atMs);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private change(status: string): void {
    if (this.stopped) return;
    const version = this.state.version + 1;
    this.state = { version, status, updatedAt: this.clock.now() };
    this.trace.mark({ kind: 'world', t: this.clock.now(), actor: this.source.id, label: status, eventId: version });
    const payload = this.payload();
    for (const url of this.subscriptions) void this.deliver(url, payload, 1, version);
    for (const socket of this.sockets.values()) socket.push(payload);
  }

  /** The resource as the source server serialises it. */
  payload(): string {
    const { version, status, updatedAt } = this.state;
    return JSON.stringify({ id: this.level.source.resource.split('/').pop(), version, status, updatedAt });
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
