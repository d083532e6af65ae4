import type { Random } from '../sim/random.ts';

/**
 * The path between your app and a server: how long a segment takes one way, how likely it is to be
 * lost (with the level's bursts of loss), and what TCP makes of that: the retransmission timeout
 * (RTO) a lost segment waits before it is sent again. docs/architecture.md ("The network") says
 * where each rule comes from.
 */

export interface LossBurst {
  fromMs: number;
  toMs: number;
  /** The share of segments lost while it lasts. */
  loss: number;
}

export interface PathConditions {
  latencyMs: number;
  jitterMs: number;
  loss: number;
  bursts?: readonly LossBurst[];
}

export interface Hop {
  latencyMs: number;
  lost: boolean;
}

/** The least an RTO adds to the round trip (Linux's floor). */
export const RTO_FLOOR_MS = 200;

/** Retransmissions of one segment before the sender gives up and the connection drops. */
export const MAX_RETRANSMITS = 5;

export class Path {
  constructor(
    private readonly random: Random,
    readonly conditions: PathConditions,
  ) {}

  /** The share of segments lost at time `t`: a burst's while it lasts, the path's otherwise. */
  lossAt(t: number): number {
    const burst = this.conditions.bursts?.find((b) => b.fromMs <= t && t < b.toMs);
    return burst ? burst.loss : this.conditions.loss;
  }

  /** One segment sent at `t`, one way: its delay (drawn from the seed) and whether it is lost. */
  hop(t: number): Hop {
    const { latencyMs, jitterMs } = this.conditions;
    return { latencyMs: Math.round(latencyMs + this.random.between(0, jitterMs)), lost: this.random.chance(this.lossAt(t)) };
  }

  /**
   * The retransmission timeout: the smoothed round trip plus four times its variation, at least the
   * floor. With each hop's delay uniform in [latency, latency + jitter), a round trip averages
   * 2·latency + jitter and deviates from that by jitter/3 on average.
   */
  get rtoMs(): number {
    const { latencyMs, jitterMs } = this.conditions;
    return Math.round(2 * latencyMs + jitterMs + Math.max(RTO_FLOOR_MS, (4 * jitterMs) / 3));
  }
}
