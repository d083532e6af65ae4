import type { PacedMoment } from '../flow/pacing.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { StageWords } from './words.ts';

/** What the stage draws: the level's actors, and (while a run plays) the run at its playhead. */
export interface StageActor {
  id: string;
  label: string;
  host: string;
  kind: 'app' | 'server';
  /** 0..1 of the stage's width and of the area above the timeline. */
  x: number;
  y: number;
  /** The line under the name: what this actor knows or holds right now. */
  status: string;
  /** False for a browser or a machine behind NAT: nothing on the internet can reach it (the level's actor field). */
  reachable?: boolean;
  /** Set for a script that runs now and then and sleeps between (the level's actor field). */
  runs?: unknown;
}

/** A place on the network that is not the public internet: a device with no public address, your own network. */
export interface StagePlace {
  actors: string[];
  caption: string;
}

export interface StageModel {
  actors: StageActor[];
  durationMs: number;
  /** Captions for the actors' status lines, such as "Knows" and "Parcel". */
  statusCaption: Record<string, string>;
  /** How many clients run your app (each must learn every change), and whether their users act. */
  clients?: number;
  acts?: boolean;
  /** Each change adds to what an actor shows (an answer written word by word) instead of replacing it. */
  statusAppends?: boolean;
  /** Laid out for a narrow screen (a phone held upright): as wide as shown, actors stacked. */
  narrow?: boolean;
  /** The player asked for reduced motion: packets are not slid along their links, nothing pulses. */
  reducedMotion?: boolean;
  /** The words drawn on the canvas, in the player's language. */
  words: StageWords;
}

export interface StageFeed {
  /** The virtual time to show. It may go back: the stage then shows the run as it stood then. */
  now(): number;
  /** The playback position (ms at 1x), which places the moments' call-outs. */
  position(): number;
  /** Every event of the run, in time order. */
  readonly events: readonly TraceEvent[];
  /** How many of `events` have happened by `now()`. */
  shown(): number;
  /** The moments that decide the verdict, called out on the stage as the playback passes them. */
  readonly moments: readonly PacedMoment[];
  /** True while the clock is crossing quiet time faster than messages move. */
  skipping(): boolean;
  /** True once the run is over: nothing is on the wire any more. */
  finished(): boolean;
}

export interface StageHandle {
  /** Draw this run (or none: the actors at rest). */
  setFeed(feed: StageFeed | undefined): void;
  /** Be told which message the player clicked or tapped on the stage (its trace seq). */
  onPick(callback: (seq: number) => void): void;
  /** Ring this message on the stage while it is on its way (none: no ring). */
  select(seq: number | undefined): void;
  /** Frame times measured by the stage, for the benchmark. */
  frameTimes(): number[];
  /** The smallest font size the stage draws text in, in canvas pixels (the canvas's CSS scale makes it CSS pixels). */
  smallestFont(): number;
  destroy(): void;
}
