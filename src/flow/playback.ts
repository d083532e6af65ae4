import { loadBrowserHost } from '../net/browser.ts';
import type { NetworkHost } from '../net/host.ts';
import type { RunConfig, RunResult } from '../run/session.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { abandonRun, computeRun, prepareRun } from './computed-runs.ts';
import { pace } from './pacing.ts';
import { Playhead } from './playhead.ts';
import type { ControlEvent, ReviewEvent, RunnerEvent, RunnerInput } from './run-protocol.ts';
import type { RunView } from './run-view.ts';
import { countAtMost } from '../sim/sorted.ts';

/**
 * Plays a run in the browser. The run is worked out first, whole (./computed-runs.ts), exactly as
 * `npm run simulate` works it out; then a playhead moves over its trace at the paced speed
 * (./pacing.ts): forwards, back, or to any moment. The stage, the log and the counters read the
 * view and show the run as it stood at the playhead. At the end the run's result is reported.
 */

/** Frames longer than this (a tab in the background) count as this long. */
export const MAX_FRAME_MS = 100;

export interface Frames {
  request(callback: (now: number) => void): number;
  cancel(id: number): void;
}

export const animationFrames: Frames = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export interface Playback {
  control(event: ControlEvent): void;
  stop(): void;
}

/** The trace in the order things happened: by time, ties as recorded. */
export function inTimeOrder(trace: readonly TraceEvent[]): TraceEvent[] {
  return [...trace].sort((a, b) => a.t - b.t || a.seq - b.seq);
}

/** How many of `events` (in time order) happened at or before `t`. */
export function countUpTo(events: readonly TraceEvent[], t: number): number {
  return countAtMost(events, t, (e) => e.t);
}

/** A view of a finished run at the playhead; `events` is its trace in time order. */
export function runView(result: RunResult, events: readonly TraceEvent[], head: Playhead): RunView {
  const endMs = result.level.world.durationMs;
  let cached = { now: NaN, shown: 0 };
  return {
    level: result.level,
    endMs,
    events,
    pacing: head.pacing,
    now: () => head.now,
    position: () => head.position,
    shown: () => {
      const now = head.now;
      if (now !== cached.now) cached = { now, shown: countUpTo(events, now) };
      return cached.shown;
    },
    skipping: () => head.skipping,
    finished: () => head.ended,
  };
}

/** Move the playhead as the player asked. */
export function steer(head: Playhead, event: ControlEvent): void {
  if (event.type === 'SPEED') head.speed = event.speed;
  else if (event.type === 'PAUSE') head.pause();
  else if (event.type === 'RESUME') head.play();
  else if (event.type === 'STEP') head.step(1);
  else if (event.type === 'STEP_BACK') head.step(-1);
  else if (event.type === 'SEEK') head.seek(event.position);
  else if (event.type === 'SKIP') head.seek(head.pacing.lengthMs);
}

export async function startPlayback(
  input: RunnerInput,
  send: (event: RunnerEvent) => void,
  frames: Frames = animationFrames,
  host?: NetworkHost,
): Promise<Playback> {
  const result = await computeRun(input.config, host ?? (await loadBrowserHost()));
  const events = inTimeOrder(result.trace);
  const head = new Playhead(pace(events, result.level.world.durationMs), input.speed);
  let stopped = false;
  let last: number | undefined;
  let frame = 0;
  const view = runView(result, events, head);
  reviewable.set(view, head);
  send({ type: 'RUN.STARTED', view });

  const tick = (time: number) => {
    if (stopped) return;
    const realMs = Math.min(MAX_FRAME_MS, last === undefined ? 0 : time - last);
    last = time;
    head.advance(realMs);
    if (head.ended) {
      stopped = true;
      send({ type: 'RUN.FINISHED', result });
      return;
    }
    frame = frames.request(tick);
  };

  frame = frames.request(tick);
  return {
    control: (event) => stopped || steer(head, event),
    stop() {
      stopped = true;
      frames.cancel(frame);
    },
  };
}

/** The playhead of each run played, so that its debrief can play it again on the same view. */
const reviewable = new WeakMap<RunView, Playhead>();

/**
 * A finished run, played again in its debrief: the same playhead, stopped at the end until the player
 * steps, scrubs or plays it (from the start, when it stands at the end). Frames are asked for only
 * while it moves; it says when a replay reaches the end, and stops there.
 */
export function startReview(view: RunView, send: (event: ReviewEvent) => void, frames: Frames = animationFrames): Playback {
  const head = reviewable.get(view);
  if (!head) return { control: () => undefined, stop: () => undefined };
  head.pause();
  let stopped = false;
  let frame: number | undefined;
  let last: number | undefined;
  const tick = (time: number) => {
    frame = undefined;
    if (stopped) return;
    head.advance(Math.min(MAX_FRAME_MS, last === undefined ? 0 : time - last));
    last = time;
    if (head.moving) frame = frames.request(tick);
    else {
      last = undefined;
      if (head.playing && head.ended) {
        head.pause();
        send({ type: 'REVIEW.ENDED' });
      }
    }
  };
  return {
    control(event) {
      if (stopped) return;
      if (event.type === 'RESUME' && head.ended) head.seek(0);
      steer(head, event);
      if (frame === undefined && head.moving) frame = frames.request(tick);
    },
    stop() {
      stopped = true;
      if (frame !== undefined) frames.cancel(frame);
    },
  };
}

/** Work out a run the player is likely to start, before they press Run. */
export async function prepare(config: RunConfig): Promise<void> {
  prepareRun(config, await loadBrowserHost());
}

/** Give up working out a run nobody waits for any more. */
export const abandon = (config: RunConfig): void => abandonRun(config);

/** Work out one run of each pattern, one after another on the page's one network, saying how far it got. */
export async function computeEach(configs: readonly RunConfig[], progress: (done: number) => void): Promise<RunResult[]> {
  const host = await loadBrowserHost();
  const results: RunResult[] = [];
  for (const config of configs) {
    results.push(await computeRun(config, host));
    progress(results.length);
  }
  return results;
}

/** Load the mocked network ahead of the first run. */
export async function warmUp(): Promise<void> {
  await loadBrowserHost();
}
