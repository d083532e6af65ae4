/**
 * The trace: everything that crossed the mocked network in one run, and what the world and the
 * player's app did. The stage animates it, the log prints it, the metrics are computed from it.
 */

/** A message on the wire. */
export type PacketKind =
  | 'request' // an HTTP request from a client
  | 'response' // the answer to a request
  | 'webhook' // an HTTP request a server sends to your endpoint on its own
  | 'handshake' // a WebSocket opening handshake (HTTP upgrade)
  | 'frame' // a WebSocket message, either way
  | 'chunk'; // a piece of an HTTP answer that streams (server-sent events)

/** Something that happened but did not cross the wire. */
export type MarkKind =
  | 'world' // the world changed (a status update happened)
  | 'known' // your app learned of a world change
  | 'acted' // your app acted on a change (shipped the order, told the customer): each time, even again for one change
  | 'open' // a connection opened
  | 'close' // a connection closed
  | 'act' // a user at one of your clients did something (sent a message, bid, asked, submitted)
  | 'endpoint' // your app opened an endpoint that anyone on the internet can call
  | 'defence' // a defence of your app caught something: a retried delivery ignored, a forged one refused
  | 'note'; // anything else worth a line in the log

export type Outcome =
  | 'ok'
  | 'unchanged' // a 304, or an answer with nothing new
  | 'error' // a 4xx/5xx answer
  | 'rate-limited' // a 429
  | 'refused' // the server does not offer this
  | 'lost' // dropped on the way
  | 'failed'; // a delivery that did not succeed

/** A message as it crossed the wire: its start line (none for a frame or a chunk), its headers, its body as text. */
export interface WireMessage {
  start?: string;
  headers: Array<[string, string]>;
  body?: string;
}

export interface PacketEvent {
  type: 'packet';
  seq: number;
  kind: PacketKind;
  /** Virtual time it left its sender. */
  t: number;
  /** Virtual time it reaches (or would have reached) its receiver. */
  arriveAt: number;
  from: string;
  to: string;
  label: string;
  /** Bytes on the wire, headers included. */
  size: number;
  outcome: Outcome;
  status?: number;
  /** Which connection a frame or handshake belongs to. */
  connection?: string;
  /** For responses: the request they answer. */
  replyTo?: number;
  /** Webhook delivery attempt (1 for the first). */
  attempt?: number;
  /** What it carried, for the message inspector (none when nothing crossed: a refused connection). */
  wire?: WireMessage;
  /** Times TCP sent it again after a loss before it got through (each costs its bytes again). */
  retransmits?: number;
  /** When it left its sender's buffer, where it waited for a slow link to carry what was sent before it (only when it waited). */
  leftAt?: number;
  /** A client opening again a connection it had before (a WebSocket handshake, an event stream's request). */
  reconnect?: boolean;
}

export interface MarkEvent {
  type: 'mark';
  seq: number;
  kind: MarkKind;
  t: number;
  actor: string;
  label: string;
  /** For world and known marks: the world event concerned. */
  eventId?: number;
  connection?: string;
  outcome?: Outcome;
  /** On an act: its number; on a world change: the act that caused it. */
  act?: number;
  /** On a world change: which resource changed. */
  resource?: string;
  /** On a known mark: false when your app recorded the change but did not show it (an older status after a newer one). */
  displayed?: boolean;
  /** On a defence mark: which defence caught it (a name of the pattern registry's defences). */
  defence?: string;
}

export type TraceEvent = PacketEvent | MarkEvent;

type Draft<E> = Omit<E, 'seq' | 'type'>;

export class Trace {
  readonly events: TraceEvent[] = [];
  private listeners = new Set<(event: TraceEvent) => void>();

  packet(draft: Draft<PacketEvent>): PacketEvent {
    const event: PacketEvent = { type: 'packet', seq: this.events.length, ...draft };
    this.push(event);
    return event;
  }

  mark(draft: Draft<MarkEvent>): MarkEvent {
    const event: MarkEvent = { type: 'mark', seq: this.events.length, ...draft };
    this.push(event);
    return event;
  }

  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private push(event: TraceEvent): void {
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }
}

/** A stable text form of a trace, one line per event, for comparing two runs. */
export function traceFingerprint(events: readonly TraceEvent[]): string {
  return events
    .map((e) =>
      e.type === 'packet'
        ? `${e.seq} P ${e.kind} ${e.t}->${e.arriveAt} ${e.from}>${e.to} ${e.label} ${e.size} ${e.outcome} ${e.retransmits ?? 0}`
        : `${e.seq} M ${e.kind} ${e.t} ${e.actor} ${e.label} ${e.eventId ?? ''}`,
    )
    .join('\n');
}
