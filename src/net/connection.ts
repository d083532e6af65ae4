import type { VirtualClock } from '../sim/clock.ts';
import type { Outcome, PacketEvent, PacketKind, Trace, WireMessage } from '../sim/trace.ts';
import { MAX_RETRANSMITS, type Path } from './path.ts';

/**
 * One TCP connection between a client and a server, as every message in the game travels: HTTP
 * requests and their answers, event-stream chunks, long polls and WebSocket frames alike.
 *
 * - Each direction delivers in the order things were sent: a message never overtakes an earlier one.
 * - A lost segment is sent again after the path's retransmission timeout, doubled at each further
 *   loss; the message arrives late, and everything sent after it waits behind it.
 * - After MAX_RETRANSMITS losses of one segment the sender gives up and drops the connection; it
 *   sends a reset, and the other end hears of the drop if that reset gets through. An end that does
 *   not hear (a half-open connection) finds out the next time it sends, or never.
 * - A proxy on the path closes a connection that carried nothing either way for its idle timeout.
 * - A NAT on the path may forget a connection quiet for its own timeout (`natIdleTimeoutMs`) without
 *   telling either end: from then on every segment either way is dropped, resets included, so an end
 *   learns only when its own retransmissions give up (a silently dead connection).
 * - The link towards a slow receiver carries so many bytes a second (`bandwidthTo`): what is sent
 *   faster waits in the sender's buffer (the trace says when it left, `leftAt`).
 * - The server may go away (a restart): every connection to it drops. The path may be cut (a phone
 *   moving from Wi-Fi to mobile data): both ends are reset and what was on its way is lost.
 *
 * The network never loses a message silently: what was not delivered dropped its connection, and
 * each end that learns of the drop is told why.
 */

export type End = 'client' | 'server';
export type DropReason = 'timeout' | 'reset' | 'idle' | 'restart' | 'closed';

/** What a connection needs of the world: the clock, the trace, the path it runs over. */
export interface ConnectionNet {
  clock: VirtualClock;
  trace: Trace;
  path: Path;
  /** A proxy on the path closes connections silent for this long (none when undefined). */
  idleTimeoutMs?: number;
  /** A NAT on the path silently forgets connections quiet for this long (none when undefined). */
  natIdleTimeoutMs?: number;
  /** Bytes per second the link towards this actor carries (unlimited when undefined). */
  bandwidthTo?: (actor: string) => number | undefined;
}

/** A message as its sender writes it; the connection adds when, who, and how it went. */
export interface Message {
  kind: PacketKind;
  label: string;
  size: number;
  /** What the message says, when it arrives (a 304 is 'unchanged'); 'ok' unless given. */
  outcome?: Outcome;
  status?: number;
  replyTo?: number;
  attempt?: number;
  reconnect?: boolean;
  /** What it carried, for the message inspector. */
  wire?: WireMessage;
}

const other = (end: End): End => (end === 'client' ? 'server' : 'client');

export class Connection {
  private readonly alive: Record<End, boolean> = { client: true, server: true };
  /** When the last message towards each end arrives (in-order delivery waits for it). */
  private readonly lastArrival: Record<End, number> = { client: 0, server: 0 };
  private readonly listeners: Record<End, Array<(reason: DropReason) => void>> = { client: [], server: [] };
  /** Messages sent but not yet arrived, by their packet: they are lost if the connection drops first. */
  private readonly inFlight = new Set<PacketEvent>();
  private lastActivity: number;
  /** The path no longer carries anything for this connection (a NAT forgot it, or it was cut). */
  private severed = false;
  /** When the link towards each end is free to start sending the next message (a slow link). */
  private readonly linkFree: Record<End, number> = { client: 0, server: 0 };
  private idleTimer: number | undefined;
  /**
   * What the proxy does when the connection has been idle for its timeout; by default it closes both
   * sides. An HTTP exchange sets it: the proxy answers a held request with 504 itself.
   */
  onIdle: (() => void) | undefined;

  constructor(
    private readonly net: ConnectionNet,
    readonly id: string,
    readonly client: string,
    readonly server: string,
  ) {
    this.lastActivity = net.clock.now();
    this.watchIdle();
  }

  /** True while `end` believes the connection is up. */
  isOpen(end: End): boolean {
    return this.alive[end];
  }

  /** Called once when `end` learns that the connection is gone, with why. */
  onDrop(end: End, listener: (reason: DropReason) => void): void {
    this.listeners[end].push(listener);
  }

  /**
   * Send a message from `from`. It is written to the trace now, with the time it will arrive: after
   * its own trip and any retransmissions, and never before what was sent earlier the same way.
   * `arrive` runs then, unless the connection dropped first. Nothing is sent from an end that is closed.
   */
  send(from: End, message: Message, arrive?: () => void): PacketEvent | undefined {
    if (!this.alive[from]) return undefined;
    const { clock, trace, path } = this.net;
    const to = other(from);
    const t0 = clock.now();
    const nat = this.net.natIdleTimeoutMs;
    // The NAT forgot a connection that was quiet too long: nothing gets through any more, and no one is told.
    if (nat !== undefined && t0 - this.lastActivity >= nat) this.severed = true;
    const rto = path.rtoMs;
    // A slow link: the message waits for the ones before it to be sent, then takes its size's time to send.
    const toActor = to === 'client' ? this.client : this.server;
    const bandwidth = this.net.bandwidthTo?.(toActor);
    const leftAt = bandwidth ? Math.max(t0, this.linkFree[to]) : t0;
    let at = bandwidth ? leftAt + Math.round((message.size / bandwidth) * 1000) : t0;
    if (bandwidth) this.linkFree[to] = at;
    let retransmits = 0;
    const hopAt = (t: number) => (this.severed ? { latencyMs: path.hop(t).latencyMs, lost: true } : path.hop(t));
    let hop = hopAt(at);
    while (hop.lost && retransmits < MAX_RETRANSMITS) {
      at += rto * 2 ** retransmits;
      retransmits++;
      hop = hopAt(at);
    }
    const gaveUp = hop.lost;
    const arriveAt = Math.max(at + hop.latencyMs, this.lastArrival[to]);
    if (!gaveUp) this.lastArrival[to] = arriveAt;
    const packet = trace.packet({
      kind: message.kind,
      t: t0,
      arriveAt,
      from: from === 'client' ? this.client : this.server,
      to: to === 'client' ? this.client : this.server,
      label: message.label,
      size: message.size,
      outcome: gaveUp ? 'lost' : (message.outcome ?? 'ok'),
      status: message.status,
      replyTo: message.replyTo,
      attempt: message.attempt,
      connection: this.id,
      ...(message.wire ? { wire: message.wire } : {}),
      ...(message.reconnect ? { reconnect: true } : {}),
      ...(retransmits && !gaveUp ? { retransmits } : {}),
      ...(leftAt > t0 ? { leftAt } : {}),
    });
    this.touch(t0);
    if (gaveUp) {
      // The last retransmission's timer runs out: the sender gives up on the connection.
      clock.setTimeout(() => this.giveUp(from), at + rto * 2 ** retransmits - t0);
      return packet;
    }
    this.inFlight.add(packet);
    clock.setTimeout(() => {
      if (!this.inFlight.delete(packet)) return;
      if (this.severed) {
        packet.outcome = 'lost';
        return;
      }
      if (!this.alive[to]) {
        // It reached an end that is gone: that end's host answers with a reset.
        packet.outcome = 'lost';
        if (this.alive[from]) this.reset(from);
        return;
      }
      this.touch(clock.now());
      arrive?.();
    }, arriveAt - t0);
    return packet;
  }

  /**
   * An orderly close from `from` (a FIN, or a WebSocket close): it travels behind everything `from`
   * sent, and the other end hears 'closed' when it arrives.
   */
  close(from: End): void {
    if (!this.alive[from]) return;
    this.alive[from] = false;
    const to = other(from);
    const { clock, path } = this.net;
    const at = Math.max(clock.now() + path.hop(clock.now()).latencyMs, this.lastArrival[to]);
    clock.setTimeout(() => this.learn(to, 'closed'), at - clock.now());
    this.stopIdleWhenDone();
  }

  /** The server goes away (a restart or a crash): its end is gone now, and its host resets the client. */
  restart(): void {
    if (!this.alive.server) return;
    this.learn('server', 'restart');
    if (this.alive.client) this.reset('client');
  }

  /**
   * The path is cut under the connection (a phone moving from Wi-Fi to mobile data, a proxy restarting):
   * both ends are reset and hear of it one hop later; whatever was on its way is lost.
   */
  cut(): void {
    if (!this.alive.client && !this.alive.server) return;
    this.severed = true;
    const { clock, path } = this.net;
    for (const end of ['client', 'server'] as const) {
      if (this.alive[end]) clock.setTimeout(() => this.learn(end, 'reset'), path.hop(clock.now()).latencyMs);
    }
  }

  /** `end` drops the connection now (it gave up on its peer), resetting the other end. */
  abort(end: End, reason: DropReason): void {
    if (!this.alive[end]) return;
    this.learn(end, reason);
    const to = other(end);
    if (this.alive[to]) this.reset(to);
  }

  /** `end` is cut off without being told (the proxy stopped waiting for it): what it sends goes nowhere. */
  abandon(end: End): void {
    this.alive[end] = false;
    this.stopIdleWhenDone();
  }

  /** Both ends are done with it (an HTTP exchange that got its answer): it ends with no one told. */
  finish(): void {
    this.alive.client = false;
    this.alive.server = false;
    this.stopIdleWhenDone();
  }

  private giveUp(from: End): void {
    this.abort(from, 'timeout');
  }

  /** A reset towards `end`: it arrives one hop later, unless the path loses it too. */
  private reset(end: End): void {
    const { clock, path } = this.net;
    const hop = path.hop(clock.now());
    if (hop.lost || this.severed) return;
    clock.setTimeout(() => this.learn(end, 'reset'), hop.latencyMs);
  }

  /** `end` learns that the connection is gone. */
  private learn(end: End, reason: DropReason): void {
    if (!this.alive[end]) return;
    this.alive[end] = false;
    if (!this.alive.client && !this.alive.server) {
      for (const packet of this.inFlight) packet.outcome = 'lost';
      this.inFlight.clear();
    }
    this.stopIdleWhenDone();
    for (const listener of this.listeners[end]) listener(reason);
  }

  private touch(t: number): void {
    this.lastActivity = Math.max(this.lastActivity, t);
  }

  private watchIdle(): void {
    const idle = this.net.idleTimeoutMs;
    if (idle === undefined) return;
    const { clock } = this.net;
    this.idleTimer = clock.setTimeout(
      () => {
        this.idleTimer = undefined;
        if (!this.alive.client && !this.alive.server) return;
        // Segments still being retransmitted keep the connection busy.
        if (this.inFlight.size > 0) this.touch(clock.now());
        if (clock.now() - this.lastActivity < idle) return this.watchIdle();
        if (this.onIdle) return this.onIdle();
        // The proxy closes both sides; each hears of it one hop later.
        for (const end of ['client', 'server'] as const) {
          clock.setTimeout(() => this.learn(end, 'idle'), this.net.path.hop(clock.now()).latencyMs);
        }
      },
      this.lastActivity + idle - clock.now(),
    );
  }

  private stopIdleWhenDone(): void {
    if (this.alive.client || this.alive.server || this.idleTimer === undefined) return;
    this.net.clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
