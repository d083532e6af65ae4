import type { World } from '../net/world.ts';
import type { VirtualClock } from '../sim/clock.ts';

/** What the source server sends: the resource's current state. */
export interface Update {
  id?: string;
  version: number;
  status: string;
  updatedAt?: number;
  /** The changes this message tells of (a resource's whole history, or one new change). */
  events?: number[];
}

/** Everything a pattern's client code may use: addresses, its parameters, the clock, and your app. */
export interface AppContext {
  clock: VirtualClock;
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
  };
  /** Your app now knows this state of the world (and tells the customer). */
  show(update: Update): void;
  /** Your app serves this path (for example its webhook receiver). */
  serve(path: string, handler: (request: Request) => Promise<Response>): void;
  /** A line for the log that did not cross the wire. */
  note(text: string): void;
}

export function endpointsOf(world: World): AppContext['endpoints'] {
  const { level } = world;
  const api = `https://${world.source.host}`;
  return {
    resources: world.resources.map((_, i) => `${api}${world.resourcePath(i)}`),
    subscribe: `${api}/v1/webhooks`,
    socket: `wss://${world.source.host}${world.resources.length > 1 ? level.source.resource.replace(/\/[^/]*\{i\}.*$/, '') : world.resourcePath(0)}/live`,
    webhook: `https://${world.you.host}${level.webhookPath}`,
  };
}

function isUpdate(value: unknown): value is Update {
  const v = value as Update;
  return typeof v === 'object' && v !== null && typeof v.version === 'number' && typeof v.status === 'string';
}

/** Your app: it knows what it was told, and the trace records when it learned each change. */
export function createApp(world: World, params: Record<string, number>): AppContext {
  const { clock, trace } = world;
  const you = world.you.id;
  const known = new Set<number>();
  const learn = (id: number, label: string) => {
    if (known.has(id)) return;
    known.add(id);
    trace.mark({ kind: 'known', t: clock.now(), actor: you, label, eventId: id });
  };
  return {
    clock,
    params,
    endpoints: endpointsOf(world),
    show(update) {
      if (!isUpdate(update)) {
        trace.mark({ kind: 'note', t: clock.now(), actor: you, label: 'Ignored a message that was not a status update' });
        return;
      }
      const label = world.resources.length > 1 && update.id ? `${update.id}: ${update.status}` : update.status;
      if (Array.isArray(update.events)) for (const id of update.events) learn(id, label);
      else for (let v = 1; v <= update.version; v++) learn(v, label);
    },
    serve(path, handler) {
      world.appRoutes.set(path, handler);
    },
    note(text) {
      trace.mark({ kind: 'note', t: clock.now(), actor: you, label: text });
    },
  };
}
