import { fromCallback } from 'xstate';
import type { ControlEvent, RunnerInput } from './run-protocol.ts';
import { guardStorage } from '../net/storage-guard.ts';
import type { Playback } from './playback.ts';

/**
 * The real runner for the browser: it loads the run engine and the mocked network lazily (they are
 * not needed before the first Run), plays the run, and forwards Pause, Resume, Step, Speed and Skip.
 */
export const browserRunner = fromCallback<ControlEvent, RunnerInput>(({ input, sendBack, receive }) => {
  let stopped = false;
  let playback: Playback | undefined;
  const early: ControlEvent[] = [];
  receive((event) => (playback ? playback.control(event) : early.push(event)));
  // msw touches storage as soon as it loads (docs/architecture.md, browser traps): guard it before the chunk is fetched.
  guardStorage()
    .then(() => import('./playback.ts'))
    .then(({ startPlayback }) => startPlayback(input, (event) => stopped || sendBack(event)))
    .then((started) => {
      playback = started;
      if (stopped) started.stop();
      else early.splice(0).forEach((event) => started.control(event));
    })
    .catch((error: Error) => stopped || sendBack({ type: 'RUN.FAILED', message: error.message }));
  return () => {
    stopped = true;
    playback?.stop();
  };
});
