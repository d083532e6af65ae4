import type { Pacing } from './pacing.ts';

/**
 * Where the playback of a finished run is, and how it moves: forwards at the player's speed while
 * playing, to any position when scrubbed, and from one stop to the next (or the previous) when
 * stepped. A step glides there in a short moment rather than jumping, so a packet is seen to move.
 * It is moved only by `advance`, given the real time since the last frame: tests drive it by hand.
 */
export const STEP_GLIDE_MS = 450;

export class Playhead {
  private pos = 0;
  private glide: { from: number; to: number; elapsed: number; duration: number } | undefined;
  playing = true;

  constructor(
    readonly pacing: Pacing,
    public speed: number,
  ) {}

  /** Playback position, ms at 1x. */
  get position(): number {
    return this.pos;
  }

  /** The virtual time shown. */
  get now(): number {
    return this.pacing.timeAt(this.pos);
  }

  get ended(): boolean {
    return this.pos >= this.pacing.lengthMs;
  }

  /** True while advancing it would move it: playing short of the end, or gliding to a step's stop. */
  get moving(): boolean {
    return this.glide !== undefined || (this.playing && !this.ended);
  }

  /** True while quiet time is crossed faster than messages move. */
  get skipping(): boolean {
    return this.playing && !this.glide && this.pacing.fastAt(this.pos);
  }

  advance(realMs: number): void {
    if (this.glide) {
      const g = this.glide;
      g.elapsed += realMs;
      const k = Math.min(1, g.elapsed / g.duration);
      this.pos = g.from + (g.to - g.from) * k;
      if (k >= 1) this.glide = undefined;
      return;
    }
    if (this.playing) this.pos = Math.min(this.pacing.lengthMs, this.pos + realMs * this.speed);
  }

  pause(): void {
    this.playing = false;
  }

  play(): void {
    this.playing = true;
  }

  /** Jump to a playback position (the timeline was scrubbed). Playing or paused stays as it was. */
  seek(position: number): void {
    this.glide = undefined;
    this.pos = Math.max(0, Math.min(this.pacing.lengthMs, position));
  }

  /**
   * Pause, and glide to the next stop: a message sent or arrived, a change. Going back, undo the
   * last stop reached: glide to the one before it.
   */
  step(direction: 1 | -1): void {
    this.playing = false;
    const from = this.glide ? this.glide.to : this.pos;
    const t = this.pacing.timeAt(from);
    const stop = direction > 0 ? this.pacing.nextStop(t) : this.pacing.previousStop(this.pacing.lastStop(t));
    const to = stop === undefined ? (direction > 0 ? this.pacing.lengthMs : 0) : this.pacing.positionOf(stop);
    const distance = Math.abs(to - this.pos);
    if (distance === 0) {
      this.glide = undefined;
      return;
    }
    this.glide = { from: this.pos, to, elapsed: 0, duration: Math.min(STEP_GLIDE_MS, distance) };
  }
}
