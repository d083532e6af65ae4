import { fromCallback } from 'xstate';
import type { RunConfig, RunResult } from '../run/session.ts';
import type { ControlEvent, ReviewInput, RunnerInput } from './run-protocol.ts';
import { guardStorage } from '../net/storage-guard.ts';
import type { Playback } from './playback.ts';

/**
 * The real runner for the browser: it loads the run engine and the mocked network lazily (they are
 * not needed before the first run is worked out), works the run out, plays it, and forwards the
 * player's controls. msw touches storage as soon as it loads (docs/architecture.md, browser traps):
 * storage is guarded before the chunk is fetched.
 */
/** A run to be worked out ahead, waiting for PREPARE_AFTER_MS (below). */
let pending: ReturnType<typeof setTimeout> | undefined;

const loadPlayback = () => guardStorage().then(() => import('./playback.ts'));

/** The player's controls for a playback still loading: kept, and given to it in order once it is there. */
function heldControls() {
  let playback: Playback | undefined;
  const early: ControlEvent[] = [];
  return {
    receive: (event: ControlEvent) => (playback ? playback.control(event) : early.push(event)),
    attach(started: Playback) {
      playback = started;
      early.splice(0).forEach((event) => started.control(event));
    },
    get playback() {
      return playback;
    },
  };
}

export const browserRunner = fromCallback<ControlEvent, RunnerInput>(({ input, sendBack, receive }) => {
  // A run asked for supersedes one about to be worked out ahead: that one would give this one up.
  clearTimeout(pending);
  let stopped = false;
  const controls = heldControls();
  receive(controls.receive);
  loadPlayback()
    .then(({ startPlayback }) => startPlayback(input, (event) => stopped || sendBack(event)))
    .then((started) => (stopped ? started.stop() : controls.attach(started)))
    .catch((error: Error) => stopped || sendBack({ type: 'RUN.FAILED', message: error.message }));
  return () => {
    stopped = true;
    if (controls.playback) controls.playback.stop();
    else void loadPlayback().then(({ abandon }) => abandon(input.config));
  };
});

/**
 * The finished run in its debrief, played again on the player's controls (./playback.ts, startReview). Its
 * playback's code is already loaded: the run was played with it.
 */
export const browserReviewer = fromCallback<ControlEvent, ReviewInput>(({ input, sendBack, receive }) => {
  const view = input.view;
  if (!view) return undefined;
  let stopped = false;
  const controls = heldControls();
  receive(controls.receive);
  void loadPlayback().then(({ startReview }) => stopped || controls.attach(startReview(view, sendBack)));
  return () => {
    stopped = true;
    controls.playback?.stop();
  };
});

/**
 * Start working out the run the player has chosen while they look at their choice, so that it is
 * ready when they press Run. A choice held for less than PREPARE_AFTER_MS is not worth starting.
 */
const PREPARE_AFTER_MS = 400;

export function prepareInBrowser(config: RunConfig): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    loadPlayback()
      .then(({ prepare }) => prepare(config))
      .catch(() => undefined); // a run worked out ahead that fails is worked out (and reported) again on Run
  }, PREPARE_AFTER_MS);
}

/** Work out several runs in the browser (the playground's every pattern), loading the engine and the network first. */
export async function computeInBrowser(configs: readonly RunConfig[], progress: (done: number) => void): Promise<RunResult[]> {
  const { computeEach } = await loadPlayback();
  return computeEach(configs, progress);
}

/** Play two runs of a level side by side (./comparison.ts), loaded with the run engine when first asked for. */
export function compareInBrowser(...args: Parameters<typeof import('./comparison.ts').startComparison>): Promise<import('./comparison.ts').Comparison> {
  return guardStorage()
    .then(() => import('./comparison.ts'))
    .then(({ startComparison }) => startComparison(...args));
}

/**
 * Fetch the run engine and the mocked network while the player reads the briefing, so that the first
 * run is worked out without first waiting for their code on a slow link. Nothing waits for it.
 */
export function warmUpInBrowser(): void {
  loadPlayback()
    .then(({ warmUp }) => warmUp())
    .catch(() => undefined); // fetched again (and any failure reported) when a run is asked for
}
