import { describe, expect, it } from 'vitest';
import { pace } from '../../src/flow/pacing.ts';
import { inTimeOrder } from '../../src/flow/playback.ts';
import { Playhead, STEP_GLIDE_MS } from '../../src/flow/playhead.ts';
import type { PacketEvent } from '../../src/sim/trace.ts';
import { level, run } from './helpers.ts';

const lvl = level('wheres-my-package');
const events = inTimeOrder((await run(lvl, 'webhook')).trace);
const pacing = pace(events, lvl.world.durationMs);
const packets = events.filter((e): e is PacketEvent => e.type === 'packet');

/** Frames of `ms` each, by hand. */
const frames = (head: Playhead, count: number, ms = 16) => {
  for (let i = 0; i < count; i++) head.advance(ms);
};

describe('the playhead, moved by hand-driven frames', () => {
  it('plays at the chosen speed: position moves by real time times speed', () => {
    const head = new Playhead(pacing, 2);
    frames(head, 10);
    expect(head.position).toBe(320);
    head.speed = 0.5;
    frames(head, 10);
    expect(head.position).toBe(400);
    expect(head.now).toBe(pacing.timeAt(400));
  });

  it('stops when paused, and ends at the end of the playback', () => {
    const head = new Playhead(pacing, 1);
    head.pause();
    frames(head, 10);
    expect(head.position).toBe(0);
    head.play();
    head.seek(pacing.lengthMs - 10);
    expect(head.ended).toBe(false);
    frames(head, 1);
    expect(head.ended).toBe(true);
    expect(head.now).toBe(lvl.world.durationMs);
  });

  it('seeks to any position, back or forth, playing or paused as it was', () => {
    const head = new Playhead(pacing, 1);
    head.seek(pacing.lengthMs / 2);
    expect(head.playing).toBe(true);
    head.pause();
    head.seek(100);
    expect(head.position).toBe(100);
    expect(head.playing).toBe(false);
    head.seek(-5);
    expect(head.position).toBe(0);
  });

  it('steps to the next message, gliding there within a short moment, and pauses', () => {
    const head = new Playhead(pacing, 1);
    head.step(1);
    expect(head.playing).toBe(false);
    frames(head, Math.ceil(STEP_GLIDE_MS / 16));
    expect(head.now).toBe(packets[0].arriveAt);
    frames(head, 20);
    expect(head.now).toBe(packets[0].arriveAt);
    head.step(1);
    frames(head, 1);
    // On its way: between the two stops.
    expect(head.now).toBeGreaterThan(packets[0].arriveAt);
    expect(head.now).toBeLessThan(packets[1].arriveAt);
    frames(head, Math.ceil(STEP_GLIDE_MS / 16));
    expect(head.now).toBe(packets[1].arriveAt);
  });

  it('steps back to the stop before, and a second step while gliding goes one further', () => {
    const head = new Playhead(pacing, 1);
    head.seek(pacing.positionOf(packets[1].arriveAt));
    head.step(-1);
    frames(head, Math.ceil(STEP_GLIDE_MS / 16));
    expect(head.now).toBe(packets[0].arriveAt);
    head.seek(pacing.positionOf(packets[1].arriveAt));
    head.step(-1);
    frames(head, 1);
    head.step(-1);
    frames(head, 2 * Math.ceil(STEP_GLIDE_MS / 16));
    expect(head.now).toBe(0);
    head.step(-1);
    frames(head, 5);
    expect(head.position).toBe(0);
  });

  it('crossing quiet time says so; a message on the wire does not', () => {
    const head = new Playhead(pacing, 1);
    head.seek(pacing.positionOf(packets[1].arriveAt + 60_000));
    expect(head.skipping).toBe(true);
    const webhook = packets.find((p) => p.kind === 'webhook')!;
    head.seek(pacing.positionOf((webhook.t + webhook.arriveAt) / 2));
    expect(head.skipping).toBe(false);
    head.pause();
    head.seek(pacing.positionOf(packets[1].arriveAt + 60_000));
    expect(head.skipping).toBe(false);
  });
});
