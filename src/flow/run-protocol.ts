import type { RunConfig, RunResult } from '../run/session.ts';
import type { RunView } from './run-view.ts';

/**
 * What the level machine and the runner that plays a run say to each other: the machine starts the
 * runner with a RunnerInput and forwards the player's ControlEvents; the runner answers with
 * RunnerEvents. The level machine (./level-machine.ts), the browser runner (./runner.ts) and its
 * playback (./playback.ts) all import it from here, and none of them from each other's protocol.
 */

/** A finished run's measurements and verdict, as the ui reads them from the machine's context. */
export type { RunResult };

/**
 * The speeds a run may play at, slowest first: multiples of the paced playback (./pacing.ts), in
 * which 1x plays any run in about half a minute.
 */
export const speeds = [0.25, 0.5, 1, 2, 5, 10, 20] as const;

export const DEFAULT_SPEED = 1;

export type ControlEvent =
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'STEP' }
  | { type: 'STEP_BACK' }
  /** Move the playhead to `position` (ms of playback at 1x): the timeline was scrubbed. */
  | { type: 'SEEK'; position: number }
  | { type: 'SPEED'; speed: number }
  | { type: 'SKIP' };

export type RunnerEvent = { type: 'RUN.STARTED'; view: RunView } | { type: 'RUN.FINISHED'; result: RunResult } | { type: 'RUN.FAILED'; message: string };

/** From the reviewer, which plays a finished run again in its debrief: the replay reached the end (and stopped there). */
export type ReviewEvent = { type: 'REVIEW.ENDED' };

export interface ReviewInput {
  /** The view of the run just finished: the same view, so the stage, the log and the timeline follow it on. */
  view: RunView | undefined;
}

export interface RunnerInput {
  config: RunConfig;
  speed: number;
}
