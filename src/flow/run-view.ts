import type { Session } from '../run/session.ts';

/** What the stage and the ui may read of a run in progress: time and the trace, never the controls. */
export type RunView = Pick<Session, 'clock' | 'trace' | 'endMs' | 'world'> & {
  /** True while quiet time is crossed faster than the chosen speed. */
  skipping(): boolean;
  /** True once the run has reached its end. */
  finished(): boolean;
};
