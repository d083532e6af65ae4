import type { Level } from '../content/schema.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { Pacing } from './pacing.ts';

/**
 * What the stage and the ui may read of a run being played: the whole run, worked out before it
 * plays, and where the playhead is in it; never the controls. Everything at or before `now()` is
 * what the run had done by then: the stage, the log and the counters show only that.
 */
export interface RunView {
  readonly level: Level;
  /** The run's end in virtual time. */
  readonly endMs: number;
  /** Every event of the run in the order it happened (by time, then as recorded). */
  readonly events: readonly TraceEvent[];
  readonly pacing: Pacing;
  /** The virtual time at the playhead. */
  now(): number;
  /** The playhead's place in the playback, ms at 1x. */
  position(): number;
  /** How many of `events` have happened by `now()`. */
  shown(): number;
  /** True while quiet time is crossed faster than messages move. */
  skipping(): boolean;
  /** True once the playhead has reached the end. */
  finished(): boolean;
}
