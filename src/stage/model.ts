import type { TraceEvent } from '../sim/trace.ts';

/** What the stage draws: the level's actors, and (while a run plays) its clock and trace. */
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
}

export interface StageFeed {
  now(): number;
  readonly events: readonly TraceEvent[];
  /** True while the clock is crossing quiet time faster than the chosen speed. */
  skipping(): boolean;
  /** True once the run is over: nothing is on the wire any more. */
  finished(): boolean;
}

export interface StageHandle {
  /** Draw this run (or none: the actors at rest). */
  setFeed(feed: StageFeed | undefined): void;
  /** Frame times measured by the stage, for the benchmark. */
  frameTimes(): number[];
  destroy(): void;
}
