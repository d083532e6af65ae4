import { defenceOn, type DefenceName, type PatternName } from '../content/pattern-registry.ts';
import type { ActorSpec } from '../content/schema.ts';
import type { World } from '../net/world.ts';
import type { VirtualClock } from '../sim/clock.ts';

/** What the source server sends: the resource's current state. */
export interface Update {
  id?: string;
  version: number;
  status: string;
  updatedAt?: number;
  /** The changes this message tells of (a resource's whole history, or one new change). */
  events?: Array<{ id: number; status: string }>;
  /** Set when the server turned down what the user sent: which act. */
  rejected?: number;
  /** Set when nothing more will happen to this resource (a payment succeeded): no need to ask again. */
  final?: boolean;
}

/** What a user's action becomes when your app sends it: which act, and the version of the data they saw. */
export interface Outgoing {
  act: number;
  basedOn: number;
}

/** Everything a pattern's client code may use: addresses, its parameters, the clock, and your app. */
export interface AppContext {
  clock: VirtualClock;
  /** A number in [0, 1), drawn from the run's seed (for jitter): the same seed, the same draws. */
  random(): number;
  params: Record<string, number>;
  endpoints: {
    /** The resources on the source server (REST), one address each. */
    resources: string[];
    /** Where to subscribe a webhook URL. */
    subscribe: string;
    /** The source server's WebSocket address for this resource. */
    socket: string;
    /** Your app's public webhook endpoint. */
    webhook: string;
    /** Where your app sends what its users do (a message, a bid, a question, a form), where they do anything. */
    submit?: string;
    /** Your app's address inside your own network, for your other services to call. */
    internal: string;
  };
  /**
   * The server writes its answer to what the user sends as a stream of its own (an assistant writing
   * an answer): that answer is all there is to follow, and the resource is where a broken one resumes.
   */
  streamsAnswers: boolean;
  /** Your app now knows this state of the world (and tells the customer). */
  show(update: Update, options?: { displayed?: boolean }): void;
  /**
   * Your app acts on what a message says happened (ships the order, tells the customer): it knows it, as
   * with `show`, and does the work, every time it is called, even again for a change it acted on before.
   * Each call is an `acted` mark in the trace, by which a run measures acting twice, acting on a change
   * that never happened, and showing an older state after a newer one.
   */
  handle(update: Update): void;
  /** Your app serves this path: to the internet (a webhook receiver), or only to your own services. */
  serve(path: string, handler: (request: Request) => Promise<Response>, options?: { internal?: boolean }): void;
  /** How your app sends what its user does (to `url`, the submit endpoint): called each time they act. */
  onAct(send: (outgoing: Outgoing, url: string) => void): void;
  /** When the source service is yours too: code of yours that runs in it and hears of every change. */
  source?: { onChange(listener: (payload: string) => void): () => void };
  /** A line for the log that did not cross the wire. */
  note(text: string): void;
  /** A defence of this client caught something (`text` says what): a line for the log, counted per defence. */
  caught(defence: DefenceName, text: string): void;
  /** Whether a defence of this pattern is on in this run (the player's choice where the level offers it). */
  defends(defence: DefenceName): boolean;
}

/** The app as the run drives it: what a pattern sees, and the user's hand on it. */
export interface AppHost extends AppContext {
  /** The user at this client acts (act number `n`). */
  act(n: number, label: string): void;
}

export function endpointsOf(world: World, client: ActorSpec): AppContext['endpoints'] {
  const { level } = world;
  const api = `https://${world.source.host}`;
  const as = (url: string) => world.clientUrl(url, client.id);
  return {
    resources: world.resources.map((_, i) => as(`${api}${world.resourcePath(i)}`)),
    subscribe: as(`${api}/v1/webhooks`),
    socket: as(`wss://${world.source.host}${world.resources.length > 1 ? level.source.resource.replace(/\/[^/]*\{i\}.*$/, '') : world.resourcePath(0)}/live`),
    webhook: `https://${client.host}${level.webhookPath}`,
    submit: level.source.submitPath ? as(`${api}${level.source.submitPath}`) : undefined,
    internal: `https://${client.host}/internal/notify`,
  };
}

function isUpdate(value: unknown): value is Update {
  const v = value as Update;
  return typeof v === 'object' && v !== null && typeof v.version === 'number' && typeof v.status === 'string';
}

/** Your app on one client: it knows what it was told, and the trace records when it learned each change. */
export function createApp(world: World, pattern: PatternName, params: Record<string, number>, client: ActorSpec = world.you): AppHost {
  const { clock, trace } = world;
  const you = client.id;
  const known = new Set<number>();
  /** How many times your app acted on each change, by resource and event id. */
  const acted = new Map<string, number>();
  let latest = 0;
  let sender: ((outgoing: Outgoing, url: string) => void) | undefined;
  const learn = (id: number, label: string, displayed: boolean) => {
    if (known.has(id)) return;
    known.add(id);
    trace.mark({ kind: 'known', t: clock.now(), actor: you, label, eventId: id, ...(displayed ? {} : { displayed: false }) });
  };
  const note = (text: string) => void trace.mark({ kind: 'note', t: clock.now(), actor: you, label: text });
  const endpoints = endpointsOf(world, client);
  const random = world.fork(`app-${client.id}`);
  const show = (update: Update, { displayed = true }: { displayed?: boolean } = {}) => {
    if (!isUpdate(update)) {
      note('Ignored a message that was not a status update');
      return;
    }
    latest = Math.max(latest, update.version);
    const label = (status: string) => (update.id ? world.describe(update.id, status) : status);
    if (typeof update.rejected === 'number') {
      trace.mark({ kind: 'note', t: clock.now(), actor: you, label: 'Turned down: it was made on a state that had already changed', act: update.rejected });
    }
    if (Array.isArray(update.events)) for (const event of update.events) learn(event.id, label(event.status), displayed);
    else for (let v = 1; v <= update.version; v++) learn(v, label(update.status), displayed);
  };
  return {
    clock,
    random: () => random.next(),
    params,
    endpoints,
    streamsAnswers: world.level.source.stream !== undefined,
    show,
    handle(update) {
      show(update);
      if (!isUpdate(update)) return;
      const events = Array.isArray(update.events) ? update.events : [{ id: update.version, status: update.status }];
      for (const event of events) {
        const key = `${update.id ?? ''}#${event.id}`;
        const times = (acted.get(key) ?? 0) + 1;
        acted.set(key, times);
        const what = update.id ? world.describe(update.id, event.status) : event.status;
        const label = times === 1 ? `acts on: ${what}` : `acts on: ${what}, again (${times} times for this one change)`;
        trace.mark({ kind: 'acted', t: clock.now(), actor: you, label, eventId: event.id, resource: update.id });
      }
    },
    serve(path, handler, options = {}) {
      const key = `${client.host}${path}`;
      const internal = options.internal === true;
      if (!internal && !world.appRoutes.has(client.host, path)) {
        if (client.reachable === false) note(`Listens at https://${key}, an address the internet cannot reach`);
        else trace.mark({ kind: 'endpoint', t: clock.now(), actor: you, label: `Opened a public endpoint: https://${key}` });
      }
      world.appRoutes.set(client.host, path, { handle: handler, internal });
    },
    onAct(send) {
      sender = send;
    },
    source: world.level.source.yours
      ? {
          onChange(listener) {
            world.sourceListeners.add(listener);
            return () => world.sourceListeners.delete(listener);
          },
        }
      : undefined,
    note,
    caught(defence, text) {
      trace.mark({ kind: 'defence', t: clock.now(), actor: you, label: text, defence });
    },
    defends: (defence) => defenceOn(pattern, params, defence),
    act(n, label) {
      trace.mark({ kind: 'act', t: clock.now(), actor: you, label, act: n });
      if (sender && endpoints.submit) sender({ act: n, basedOn: latest }, endpoints.submit);
      else note('Your app has no way to send this: it is lost.');
    },
  };
}
