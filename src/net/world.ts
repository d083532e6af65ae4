import { clientsOf, type ActorSpec, type Level } from '../content/schema.ts';
import type { VirtualClock } from '../sim/clock.ts';
import type { Random } from '../sim/random.ts';
import type { Trace } from '../sim/trace.ts';
import { AppRoutes } from './app-routes.ts';
import { RateLimiter } from './rate-limiter.ts';
import { drawActs, drawChanges, nthStatus, statusWords, type Act, type Change } from './schedule.ts';
import { Connection } from './connection.ts';
import { Path } from './path.ts';
import { DELIVERY_TIMEOUT_MS, WebhookSender } from './webhook-sender.ts';
import { signWebhook, toBase64 } from './webhook-signature.ts';

/**
 * The mocked world behind the network: the source server's resources and their state, the changes
 * that happen to them (drawn by ./schedule.ts) and who hears of each: webhook subscribers
 * (./webhook-sender.ts), the connections it pushes down (WebSockets, event streams) and code of yours
 * in the source. It also holds what the handlers share: the rate limit (./rate-limiter.ts), your
 * app's routes (./app-routes.ts) and which client sent a request. The MSW handlers read and change
 * it; the player's app only reaches it through the network.
 */

export type { Act, Change } from './schedule.ts';

/** The first number a forgery gives its made-up change: the source numbers its changes 1, 2, 3… and never gets this far. */
const FORGED_VERSIONS = 90_001;

/**
 * Who sent a request to your app, where it was not the source server (an attacker): the simulation's
 * own note, as the source address of a packet would say it; taken off before the request is on the wire.
 */
export const SENT_BY = 'x-sim-sent-by';

/** A proxy's idle timeout where the level sets none: the default of nginx and of cloud load balancers. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export interface ResourceState {
  /** The resource's name as the server calls it. */
  id: string;
  /** The world event that last changed it (0 when none has). */
  version: number;
  status: string;
  updatedAt: number;
  /** Every world event that has happened to this resource, oldest first, each with what it said. */
  events: ResourceEvent[];
  /** Set once it reached the level's final status: nothing more will happen to it. */
  final?: true;
}

export interface ResourceEvent {
  id: number;
  status: string;
}

/** A connection the source server pushes changes down: a WebSocket, or an event stream. */
export interface PushPeer {
  id: string;
  /** The client at the other end. */
  client: string;
  /** Send a change; `id` is its event id (the version it made), which an event stream writes as `id:`. */
  push(payload: string, id: number): void;
  /** Only the answer to this act (a streamed reply), when set. */
  act?: number;
  /** Close it from the server's side (the run is over). */
  end?(): void;
}

/** What a user sends: which act it is, who sent it, and the version of the data they saw. */
export interface Submission {
  act: number;
  by: string;
  basedOn: number;
}

/** The server's answer to a submission. */
export interface Receipt {
  accepted: boolean;
  /** The resource as it stands after the submission (or, when turned down, as it stands now). */
  payload: string;
  /** Resolves once the whole answer is written (at once, unless the server streams it). */
  done: Promise<void>;
}

export class World {
  readonly resources: ResourceState[];
  readonly peers = new Map<string, PushPeer>();
  /** Your app's routes, by host and path. */
  readonly appRoutes = new AppRoutes();
  readonly webhooks: WebhookSender;
  readonly rateLimit: RateLimiter;
  /** Code of yours that runs in the source service (when it is yours) and hears every change. */
  readonly sourceListeners = new Set<(payload: string) => void>();
  /** Every actor that runs your app. */
  readonly clients: ActorSpec[];
  private nextConnection = 1;
  private nextEvent = 1;
  private stopped = false;
  /** The words of each status, in the order of world.statuses (the logic refers to them by key). */
  private readonly statuses: string[];
  private changes: Change[] | undefined;
  /** The words of the level's final status, if it has one. */
  private readonly finalStatus: string | undefined;
  /** Across the internet, and inside your own network (a direct call). */
  private readonly paths: { internet: Path; internal: Path };
  /** Every connection made in the run, so that a restart can drop those still open. */
  private readonly connections = new Set<Connection>();
  /** Which client has opened which long-lived connection (to tell a reconnection). */
  private readonly opened = new Set<string>();
  /** Connections inside your own network (a cut of the internet path leaves them alone). */
  private readonly internal = new WeakSet<Connection>();
  /**
   * Whether a server-side defence is on in this run (what the source sends a connection that is behind):
   * the run sets it from the pattern's defences; none by default.
   */
  serverDefends: (defence: string) => boolean = () => false;
  /** The timers writing each streamed answer, by who asked and which act. */
  private readonly writing = new Map<string, number[]>();
  /** Who waits for the next change of each resource. */
  private readonly waiters = new Map<number, Array<() => void>>();

  constructor(
    readonly level: Level,
    readonly clock: VirtualClock,
    readonly trace: Trace,
    random: Random,
    private readonly worldRandom: Random = random.fork('world'),
  ) {
    // A run is worked out in English whatever the player reads: the same bytes and verdict as the command line
    // (the ui says the level's words in the player's language: src/content/trace-words.ts, speakLevel).
    this.statuses = statusWords(level, 'en');
    this.finalStatus = level.world.final === undefined ? undefined : this.statuses[level.world.statuses.indexOf(level.world.final)];
    const { network } = level;
    this.paths = {
      internet: new Path(random, { ...network, bursts: network.lossBursts }),
      internal: new Path(random, network.internal ? { ...network.internal, loss: network.loss } : network),
    };
    this.webhooks = new WebhookSender(
      clock,
      level.source.webhookRetryMs,
      () => this.stopped,
      worldRandom.fork('secrets'),
      level.source.newIdEachAttempt === true,
      (id, attempt) =>
        this.trace.mark({
          kind: 'note',
          t: clock.now(),
          actor: this.source.id,
          // A delivery that failed: a moment of the run (the stage and the timeline show it), not only a line of the log.
          outcome: 'failed',
          label: `No answer to ${id} (attempt ${attempt}) within ${DELIVERY_TIMEOUT_MS / 1000} s: counted as failed`,
        }),
    );
    this.rateLimit = new RateLimiter(level.source.rateLimit, () => clock.now());
    this.clients = clientsOf(level).map((id) => this.actor(id));
    const count = level.source.resources ?? 1;
    const initialEvents = level.world.initialKnown === false ? [{ id: 0, status: this.statuses[0] }] : [];
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

  /** The path a message takes: across the internet, or inside your own network. */
  path(internal = false): Path {
    return internal ? this.paths.internal : this.paths.internet;
  }

  /**
   * A new TCP connection from a client to a server (see ./connection.ts). `id` names it in the trace;
   * inside your own network there is no proxy to close it when idle.
   */
  connect(id: string, client: string, server: string, internal = false): Connection {
    const { network } = this.level;
    const idleTimeoutMs = internal ? undefined : (network.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
    const natIdleTimeoutMs = internal ? undefined : network.natIdleTimeoutMs;
    const bandwidthTo = (actor: string) => this.level.actors.find((a) => a.id === actor)?.bytesPerSecond;
    const connection = new Connection(
      { clock: this.clock, trace: this.trace, path: this.path(internal), idleTimeoutMs, natIdleTimeoutMs, bandwidthTo },
      id,
      client,
      server,
    );
    this.connections.add(connection);
    if (internal) this.internal.add(connection);
    return connection;
  }

  /** True when `client` has opened a connection to `what` before (so this one is a reconnection); notes this one. */
  reopened(client: string, what: string): boolean {
    const key = `${client} ${what}`;
    const again = this.opened.has(key);
    this.opened.add(key);
    return again;
  }

  /** Is the source server down at time `t` (restarting, for the level's `restartDownMs`)? */
  sourceDown(t: number): boolean {
    const down = this.level.world.restartDownMs ?? 0;
    return (this.level.world.restartsAtMs ?? []).some((at) => at <= t && t < at + down);
  }

  /** When each client starts (drawn from the seed where the level spreads them), by client id. */
  joins(): Map<string, number> {
    const joins = this.level.world.joins;
    const random = this.worldRandom.fork('joins');
    return new Map(this.clients.map((c) => [c.id, joins ? Math.round(random.between(joins.fromMs, joins.toMs)) : 0]));
  }

  /** Is your app's public endpoint down at time `t` (one of the level's outages)? */
  inOutage(t: number): boolean {
    return (this.level.world.outages ?? []).some((o) => o.fromMs <= t && t < o.toMs);
  }

  /** How long your app's answers are held on their way out at time `t` (one of the level's slow answers), or 0. */
  answerDelay(t: number): number {
    return (this.level.world.slowAnswers ?? []).find((s) => s.fromMs <= t && t < s.toMs)?.delayMs ?? 0;
  }

  connectionId(kind = 'ws'): string {
    return `${kind}-${this.nextConnection++}`;
  }

  /**
   * A client's address for a server URL: with several clients, each says who it is (as a session
   * cookie or token would), so that the server can tell them apart.
   */
  clientUrl(url: string, client: string): string {
    return this.clients.length > 1 ? `${url}?as=${client}` : url;
  }

  /** The client that sent a request to `url` (see clientUrl). */
  clientOf(url: string): string {
    const as = new URL(url).searchParams.get('as');
    return this.clients.find((c) => c.id === as)?.id ?? this.you.id;
  }

  /** The changes this run will see, in time order (drawn once from the seed). */
  schedule(): Change[] {
    this.changes ??= drawChanges(this.level, this.worldRandom, this.resources.length, 'en');
    return this.changes;
  }

  /** Resolves at the next change of resource `i` (a held long poll waits on it). */
  changed(i: number): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(i) ?? [];
      waiting.push(resolve);
      this.waiters.set(i, waiting);
    });
  }

  /** Random numbers of their own for `label` (a client's code), drawn from the seed. */
  fork(label: string): Random {
    return this.worldRandom.fork(label);
  }

  /** When the users at your clients act, and at which client: drawn from the seed. */
  acts(): Act[] {
    return drawActs(
      this.level,
      this.worldRandom.fork('acts'),
      this.clients.map((c) => c.id),
    );
  }

  start(): void {
    if (this.level.world.initialKnown === false) {
      this.trace.mark({ kind: 'world', t: 0, actor: this.you.id, label: `Needs: ${this.statuses[0]}`, eventId: 0 });
    }
    for (const change of this.schedule()) {
      this.clock.setTimeout(() => this.change(change), change.atMs);
    }
    for (const at of this.level.world.restartsAtMs ?? []) this.clock.setTimeout(() => this.restart(), at);
    (this.level.world.attacks ?? []).forEach((attack, k) => this.clock.setTimeout(() => void this.attack(attack, k), attack.atMs));
    for (const at of this.level.network.cutsAtMs ?? []) this.clock.setTimeout(() => this.cut(), at);
  }

  /**
   * Someone on the internet POSTs to your app's webhook address: a forged change (signed with nothing
   * that verifies, or with your leaked secret), or the latest genuine delivery sent again as captured.
   */
  private async attack(attack: NonNullable<Level['world']['attacks']>[number], k: number): Promise<void> {
    if (this.stopped) return;
    const url = `https://${this.you.host}${this.level.webhookPath}`;
    let headers: Record<string, string>;
    let body: string;
    if (attack.kind === 'replay') {
      const captured = this.webhooks.sent.findLast((d) => d.url === url);
      if (!captured) return;
      ({ headers, body } = captured);
    } else {
      const i = attack.resource ?? 0;
      const state = this.resources[i];
      const status = this.statuses[this.level.world.statuses.indexOf(attack.status ?? '')] ?? state.status;
      // A change the source never made: its number is one the source never gives.
      const version = FORGED_VERSIONS + k;
      body = JSON.stringify({ id: state.id, version, status, updatedAt: this.clock.now(), events: [{ id: version, status }] });
      const id = `msg_forged_${k + 1}`;
      const timestamp = String(Math.floor(this.clock.now() / 1000));
      const secret = this.webhooks.subscriptions.get(url);
      const signature =
        attack.leakedSecret && secret
          ? await this.clock.holding(() => signWebhook(secret, id, timestamp, body))
          : `v1,${toBase64(Uint8Array.from({ length: 32 }, (_, j) => (j * 37 + k * 11) % 256))}`;
      headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
    }
    await fetch(url, { method: 'POST', headers: { ...headers, [SENT_BY]: attack.by }, body }).catch(() => undefined);
  }

  /** The internet path is cut under every open connection: both ends of each are reset. */
  private cut(): void {
    if (this.stopped) return;
    this.trace.mark({ kind: 'note', t: this.clock.now(), actor: this.you.id, label: 'The network is cut: every open connection is reset' });
    for (const connection of this.connections) if (!this.internal.has(connection)) connection.cut();
  }

  /** The source server restarts: every connection open to it drops at once. */
  private restart(): void {
    if (this.stopped) return;
    this.trace.mark({ kind: 'note', t: this.clock.now(), actor: this.source.id, label: 'The server restarts: every open connection drops' });
    for (const connection of [...this.connections]) {
      if (connection.server === this.source.id && connection.isOpen('server')) connection.restart();
      else if (!connection.isOpen('client') && !connection.isOpen('server')) this.connections.delete(connection);
    }
  }

  /**
   * A user's submission reaches the source server. It takes it (a change everyone must learn, or an
   * answer it starts writing) or turns it down when it was made on a state that is no longer current.
   */
  receive(submission: Submission): Receipt {
    const state = this.resources[0];
    const stale = this.level.source.accepts === 'latest' && submission.basedOn !== state.version;
    if (stale || this.stopped) {
      // Turned down: the answer says which act, and what the state is now.
      return { accepted: false, payload: JSON.stringify({ ...state, rejected: submission.act }), done: Promise.resolve() };
    }
    const write = () => this.change({ atMs: this.clock.now(), status: this.nextStatus(submission.by), resource: 0 }, submission.act);
    const stream = this.level.source.stream;
    if (!stream) return { accepted: true, payload: write(), done: Promise.resolve() };
    // The same question asked again (a page that lost its answer's stream): the new answer replaces the one being written.
    const key = `${submission.by} ${submission.act}`;
    for (const timer of this.writing.get(key) ?? []) this.clock.clearTimeout(timer);
    this.writing.set(
      key,
      // Each answer is written from its first word: token k is the k-th of the level's words.
      Array.from({ length: stream.tokens }, (_, k) =>
        this.clock.setTimeout(
          () =>
            this.change(
              { atMs: this.clock.now(), status: nthStatus(this.statuses, k).replace('{by}', this.person(submission.by)), resource: 0 },
              submission.act,
            ),
          (k + 1) * stream.everyMs,
        ),
      ),
    );
    return { accepted: true, payload: this.payload(0), done: this.clock.sleep(stream.tokens * stream.everyMs) };
  }

  stop(): void {
    this.stopped = true;
    for (const peer of [...this.peers.values()]) peer.end?.();
  }

  /** The person at a client ("Ana"), or the client's name where the level names no person. */
  person(client: string): string {
    const text = this.level.text.en;
    return text.people?.[client] ?? text.actors[client] ?? client;
  }

  /** The text of the next change a user causes: the level's statuses in turn, `{by}` their name. */
  private nextStatus(by: string): string {
    return nthStatus(this.statuses, this.nextEvent - 1).replace('{by}', this.person(by));
  }

  /** How a change reads, naming the resource where there are several. */
  describe(resourceId: string, status: string): string {
    return this.resources.length > 1 ? `${resourceId}: ${status}` : status;
  }

  /**
   * `client` resumes its answers on a stream of the resource (theirs broke): the server stops writing
   * to the old streams, which it may still believe open, and the rest goes to the resource's stream.
   */
  resumeAnswers(client: string): void {
    for (const peer of [...this.peers.values()]) {
      if (peer.client !== client || peer.act === undefined) continue;
      this.peers.delete(peer.id);
      peer.end?.();
    }
  }

  /** True when this act's answer streams to `client` on a request of its own (so other streams skip it). */
  private answerStreams(client: string, act: number | undefined): boolean {
    return act !== undefined && [...this.peers.values()].some((p) => p.client === client && p.act === act);
  }

  /** Something changes at the source; everyone who listens is told. Returns the change as the server sends it. */
  private change({ status, resource }: Change, act?: number): string {
    if (this.stopped) return '';
    const state = this.resources[resource];
    // Nothing more happens to a resource once it is final (a parcel delivered stays delivered).
    if (state.final) return '';
    const version = this.nextEvent++;
    state.version = version;
    state.status = status.replace('{v}', String(version)).replace('{by}', this.level.text.en.outsider ?? 'someone');
    state.updatedAt = this.clock.now();
    if (this.finalStatus !== undefined && status === this.finalStatus) state.final = true;
    const event = { id: version, status: state.status };
    state.events.push(event);
    this.trace.mark({
      kind: 'world',
      t: this.clock.now(),
      actor: this.source.id,
      label: this.describe(state.id, state.status),
      eventId: version,
      act,
      resource: state.id,
    });
    const payload = JSON.stringify({ id: state.id, version, status: state.status, updatedAt: state.updatedAt, events: [event], final: state.final });
    this.webhooks.send(payload, version);
    for (const peer of [...this.peers.values()]) {
      const wanted = peer.act === undefined ? !this.answerStreams(peer.client, act) : peer.act === act;
      if (wanted) peer.push(payload, version);
    }
    for (const listener of this.sourceListeners) listener(payload);
    for (const wake of this.waiters.get(resource)?.splice(0) ?? []) wake();
    return payload;
  }

  /** Resource `i` as the source server serialises it, with its history of changes (those after `since`, when given). */
  payload(i: number, since?: number): string {
    const state = this.resources[i];
    const after = since === undefined ? state.events : state.events.filter((e) => e.id > since);
    // A server that keeps only the latest state (a ticker) tells of the latest change alone.
    const events = this.level.source.latestOnly ? after.slice(-1) : after;
    return JSON.stringify(since === undefined && !this.level.source.latestOnly ? state : { ...state, events });
  }
}
