import { loadBrowserHost } from '../net/browser.ts';
import type { NetworkHost } from '../net/host.ts';
import type { RunConfig, RunResult } from '../run/session.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { computeRun, RunAbandoned } from './computed-runs.ts';
import { findMoments } from './moments.ts';
import { pace, type Pacing } from './pacing.ts';
import { animationFrames, inTimeOrder, MAX_FRAME_MS, runView, steer, type Frames } from './playback.ts';
import { Playhead } from './playhead.ts';
import type { ControlEvent } from './run-protocol.ts';
import type { RunView } from './run-view.ts';

/**
 * Two runs of one level on one seed, played side by side on one playhead: the run the player has
 * just seen and the same world with another pattern. Both are worked out first (the one already
 * seen is reused), then paced together, so that at every moment of the playback both show the same
 * virtual time: a change happens in both at once, and who learns it first is seen.
 */
export interface Comparison {
  /** One view per run, in the order asked; each carries its own moments on the shared pacing. */
  readonly runs: ReadonlyArray<{ result: RunResult; view: RunView }>;
  /** The shared playback: its pacing has the moments of every run (for the timeline's marks). */
  readonly view: RunView;
  control(event: ControlEvent): void;
  stop(): void;
}

/** The same pacing with only these moments (placed on it). */
function withMoments(pacing: Pacing, events: readonly TraceEvent[]): Pacing {
  return { ...pacing, moments: findMoments(events, pacing.endMs).map((m) => ({ ...m, at: pacing.positionOf(m.t) })) };
}

/** A run worked out for the comparison; if a run prepared for the choice gave it up meanwhile, once more. */
async function workOut(config: RunConfig, host: NetworkHost): Promise<RunResult> {
  try {
    return await computeRun(config, host);
  } catch (error) {
    if (!(error instanceof RunAbandoned)) throw error;
    return computeRun(config, host);
  }
}

/**
 * Work out the runs of `configs` not among `known`, then play them all on one playhead at `speed`.
 * `working(i)` is told before the i-th run is worked out (for a progress line).
 */
export async function startComparison(
  configs: readonly RunConfig[],
  known: readonly RunResult[],
  speed: number,
  working: (index: number) => void = () => {},
  frames: Frames = animationFrames,
  host?: NetworkHost,
): Promise<Comparison> {
  const results: RunResult[] = [];
  for (const [i, config] of configs.entries()) {
    const seen = known.find((r) => r.pattern === config.pattern && r.seed === config.seed && JSON.stringify(r.params) === JSON.stringify(config.params));
    if (!seen) working(i);
    results.push(seen ?? (await workOut(config, host ?? (await loadBrowserHost()))));
  }
  const endMs = results[0].level.world.durationMs;
  const ordered = results.map((r) => inTimeOrder(r.trace));
  const pacing = pace(inTimeOrder(results.flatMap((r) => r.trace)), endMs);
  const head = new Playhead(pacing, speed);
  const runs = results.map((result, i) => ({ result, view: { ...runView(result, ordered[i], head), pacing: withMoments(pacing, ordered[i]) } }));
  let stopped = false;
  let last: number | undefined;
  let frame = 0;
  const tick = (time: number) => {
    if (stopped) return;
    head.advance(Math.min(MAX_FRAME_MS, last === undefined ? 0 : time - last));
    last = time;
    frame = frames.request(tick);
  };
  frame = frames.request(tick);
  return {
    runs,
    view: runView(results[0], ordered[0], head),
    control: (event) => stopped || steer(head, event),
    stop() {
      stopped = true;
      frames.cancel(frame);
    },
  };
}
