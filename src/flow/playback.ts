import { loadBrowserHost } from '../net/browser.ts';
import type { NetworkHost } from '../net/host.ts';
import { Session } from '../run/session.ts';
import type { ControlEvent, RunnerEvent, RunnerInput } from './run-protocol.ts';

/**
 * Plays a run in the browser at the player's speed. While a message is on the wire, virtual time
 * runs at `speed` times real time; when nothing is on the wire it crosses the quiet time to the next
 * timer in about IDLE_MS of real time (divided by the speed above 1x), so two quiet days do not take
 * two days. Pause stops it; Step moves to the next message; Skip runs to the end at full speed.
 */

const IDLE_MS = 600;
const MAX_FRAME_MS = 100;

export interface Frames {
  request(callback: (now: number) => void): number;
  cancel(id: number): void;
}

const animationFrames: Frames = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export interface Playback {
  control(event: ControlEvent): void;
  stop(): void;
}

/**
 * How far virtual time moves in one frame. A quiet stretch is crossed at one steady rate, set when
 * it begins (its length over IDLE_MS), so that it takes about IDLE_MS whatever its length.
 */
export class Pacer {
  private quiet: { until: number; rate: number } | undefined;

  step(session: Pick<Session, 'clock' | 'endMs'>, realMs: number, speed: number, inFlight: boolean): number {
    const now = session.clock.now();
    const paced = realMs * speed;
    const next = session.clock.nextAt() ?? session.endMs;
    if (inFlight || next - now <= paced) {
      this.quiet = undefined;
      return paced;
    }
    if (!this.quiet || this.quiet.until !== next) {
      this.quiet = { until: next, rate: (next - now) / (IDLE_MS / Math.max(1, speed)) };
    }
    return Math.max(paced, this.quiet.rate * realMs);
  }

  reset(): void {
    this.quiet = undefined;
  }

  /** True while a quiet stretch is being crossed faster than the chosen speed. */
  get skipping(): boolean {
    return this.quiet !== undefined;
  }
}

export async function startPlayback(
  input: RunnerInput,
  send: (event: RunnerEvent) => void,
  frames: Frames = animationFrames,
  host?: NetworkHost,
): Promise<Playback> {
  const session = new Session(input.config, host ?? (await loadBrowserHost()));
  session.start();

  let speed = input.speed;
  let playing = true;
  let stopped = false;
  let busy = false;
  let last: number | undefined;
  let frame = 0;
  let pending: ControlEvent | undefined;
  let lastArrival = 0;
  const pacer = new Pacer();
  const { clock, trace, endMs, world } = session;
  send({ type: 'RUN.STARTED', view: { clock, trace, endMs, world, skipping: () => playing && pacer.skipping, finished: () => session.done } });
  trace.subscribe((e) => {
    if (e.type === 'packet' && e.arriveAt > lastArrival) lastArrival = e.arriveAt;
  });

  const finishIfDone = () => {
    if (!stopped && session.done) {
      stopped = true;
      frames.cancel(frame);
      pacer.reset();
      send({ type: 'RUN.FINISHED', result: session.finish() });
    }
  };

  const work = async (job: () => Promise<void>) => {
    busy = true;
    try {
      await job();
    } catch (error) {
      stopped = true;
      send({ type: 'RUN.FAILED', message: (error as Error).message });
      return;
    } finally {
      busy = false;
    }
    finishIfDone();
    if (pending && !stopped) {
      const next = pending;
      pending = undefined;
      control(next);
    }
  };

  const tick = (time: number) => {
    if (stopped) return;
    frame = frames.request(tick);
    const realMs = Math.min(MAX_FRAME_MS, last === undefined ? 16 : time - last);
    last = time;
    if (!playing || busy) return;
    const inFlight = lastArrival > clock.now();
    const target = clock.now() + pacer.step(session, realMs, speed, inFlight);
    void work(() => session.advanceTo(target));
  };

  function control(event: ControlEvent): void {
    if (stopped) return;
    if (event.type === 'SPEED') speed = event.speed;
    else if (event.type === 'PAUSE') playing = false;
    else if (event.type === 'RESUME') playing = true;
    else if (busy) pending = event;
    else if (event.type === 'STEP') void work(() => session.step());
    else if (event.type === 'SKIP') void work(() => session.advanceTo(endMs));
  }

  frame = frames.request(tick);
  return {
    control,
    stop() {
      if (stopped) return;
      stopped = true;
      frames.cancel(frame);
      session.finish();
    },
  };
}
