import { describe, expect, it } from 'vitest';
import { computeRun, RunAbandoned } from '../../src/flow/computed-runs.ts';
import { countUpTo, inTimeOrder, startPlayback, startReview } from '../../src/flow/playback.ts';
import type { ReviewEvent, RunnerEvent } from '../../src/flow/run-protocol.ts';
import type { RunView } from '../../src/flow/run-view.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { traceFingerprint } from '../../src/sim/trace.ts';
import { handFrames, level, run } from './helpers.ts';

const lvl = level('wheres-my-package');
const config = { level: lvl, pattern: 'polling' as const, params: { intervalMs: 600_000 }, seed: 1 };

describe('playback: a run worked out first, then played', () => {
  it('plays the run the command line measures, and reports its result at the end', async () => {
    const expected = await run(lvl, 'polling', { intervalMs: 600_000 });
    const sent: RunnerEvent[] = [];
    const hand = handFrames();
    const playback = await startPlayback({ config, speed: 1 }, (e) => sent.push(e), hand.frames, nodeHost());
    expect(sent.map((e) => e.type)).toEqual(['RUN.STARTED']);
    const view = (sent[0] as { view: RunView }).view;
    expect(traceFingerprint(view.events)).toBe(traceFingerprint(inTimeOrder(expected.trace)));
    expect(view.now()).toBe(0);
    hand.tick(0);
    for (let i = 0; i < 20; i++) hand.tick(50);
    expect(view.position()).toBe(1000);
    expect(view.now()).toBe(view.pacing.timeAt(1000));
    playback.control({ type: 'SKIP' });
    hand.tick(16);
    expect(sent.map((e) => e.type)).toEqual(['RUN.STARTED', 'RUN.FINISHED']);
    const result = (sent[1] as { result: typeof expected }).result;
    expect(result.metrics).toEqual(expected.metrics);
    expect(result.verdict).toEqual(expected.verdict);
    expect(hand.waiting).toBe(false);
  });

  it('shows only what happened by the playhead, forwards and back', async () => {
    const sent: RunnerEvent[] = [];
    const hand = handFrames();
    const playback = await startPlayback({ config, speed: 1 }, (e) => sent.push(e), hand.frames, nodeHost());
    const view = (sent[0] as { view: RunView }).view;
    playback.control({ type: 'PAUSE' });
    playback.control({ type: 'SEEK', position: view.pacing.lengthMs / 2 });
    hand.tick(16);
    const half = view.shown();
    expect(half).toBe(countUpTo(view.events, view.now()));
    expect(view.events.slice(0, half).every((e) => e.t <= view.now())).toBe(true);
    expect(view.events[half].t).toBeGreaterThan(view.now());
    playback.control({ type: 'STEP_BACK' });
    for (let i = 0; i < 40; i++) hand.tick(16);
    expect(view.shown()).toBeLessThan(half);
    playback.control({ type: 'SEEK', position: 0 });
    hand.tick(16);
    expect(view.shown()).toBe(countUpTo(view.events, 0));
    playback.stop();
    expect(sent.map((e) => e.type)).toEqual(['RUN.STARTED']);
  });
});

describe('a finished run, looked at again in its debrief', () => {
  it('stands at its end until stepped, scrubbed or played; played from the end it starts over and stops at the end again', async () => {
    const sent: RunnerEvent[] = [];
    const hand = handFrames();
    const playback = await startPlayback({ config, speed: 20 }, (e) => sent.push(e), hand.frames, nodeHost());
    const view = (sent[0] as { view: RunView }).view;
    playback.control({ type: 'SKIP' });
    hand.tick(16);
    expect(sent.at(-1)?.type).toBe('RUN.FINISHED');
    playback.stop();

    const said: ReviewEvent[] = [];
    const review = startReview(view, (e) => said.push(e), hand.frames);
    const all = view.events.length;
    expect(view.shown()).toBe(all);
    expect(hand.waiting).toBe(false); // nothing moves, so no frame is asked for
    review.control({ type: 'SEEK', position: view.pacing.lengthMs / 2 });
    hand.tick(16);
    expect(view.finished()).toBe(false);
    expect(view.shown()).toBeLessThan(all);
    const half = view.shown();
    review.control({ type: 'STEP_BACK' });
    for (let i = 0; i < 40; i++) hand.tick(16);
    expect(view.shown()).toBeLessThan(half);
    review.control({ type: 'SEEK', position: view.pacing.lengthMs });
    hand.tick(16);
    expect(view.finished()).toBe(true);
    review.control({ type: 'RESUME' });
    hand.tick(16);
    expect(view.position()).toBeLessThan(view.pacing.lengthMs / 10);
    for (let i = 0; i < 2000 && !view.finished(); i++) hand.tick(50);
    hand.tick(16);
    expect(view.finished()).toBe(true);
    expect(said).toEqual([{ type: 'REVIEW.ENDED' }]);
    expect(hand.waiting).toBe(false);
    review.stop();
  });

  it('does nothing for a view it did not play', () => {
    const hand = handFrames();
    const review = startReview({ finished: () => true } as unknown as RunView, () => undefined, hand.frames);
    review.control({ type: 'RESUME' });
    expect(hand.waiting).toBe(false);
  });
});

describe('runs worked out on the one network of the page', () => {
  it('a run no longer wanted is given up; the next is worked out exactly as alone', async () => {
    const host = nodeHost();
    const first = computeRun({ ...config, seed: 2 }, host);
    const other = { ...config, pattern: 'webhook' as const, params: {} };
    const second = computeRun(other, host);
    await expect(first).rejects.toBeInstanceOf(RunAbandoned);
    const worked = await second;
    // One run at a time on the network: the run to compare with starts after.
    const expected = await run(lvl, 'webhook');
    expect(traceFingerprint(worked.trace)).toBe(traceFingerprint(expected.trace));
  });

  it('asking again for the run being worked out waits for that one', async () => {
    const host = nodeHost();
    const again = { ...config, params: { ...config.params } };
    const [a, b] = [computeRun(config, host), computeRun(again, host)];
    expect(await a).toBe(await b);
  });
});
