import type * as Phaser from 'phaser';
import type { PacedMoment } from '../flow/pacing.ts';
import { formatDuration } from '../sim/format.ts';
import type { MarkEvent, PacketEvent } from '../sim/trace.ts';
import type { StageLayout } from './layout.ts';
import { packetColor, palette, toNumber } from './palette.ts';
import { stageWords } from './words.ts';

/**
 * The strip under the network: the whole run from start to end. Diamonds are changes in the world,
 * dots are the moments your app learned them, and the bar between is how long it did not know.
 * Crosses are messages refused, lost or turned down. Ticks below the axis are the messages your app
 * and the servers sent: their density is the cost. It shows the run up to the playhead, and is
 * drawn again from the start when the playhead goes back.
 */
export class Timeline {
  private readonly marks: Phaser.GameObjects.Graphics;
  private readonly waiting: Phaser.GameObjects.Graphics;
  private readonly cursor: Phaser.GameObjects.Rectangle;
  /** Changes not yet learned by every client: when each happened, and how many clients still do not know. */
  private readonly pending = new Map<number, { t: number; left: number }>();
  private readonly tickColumns = new Set<string>();
  private readonly left: number;
  private readonly right: number;
  private readonly axisY: number;

  constructor(
    scene: Phaser.Scene,
    layout: StageLayout,
    private readonly durationMs: number,
    private readonly clients = 1,
    acts = false,
  ) {
    ({ left: this.left, right: this.right, axisY: this.axisY } = layout.timeline);
    const { axisY } = this;
    // As finely as the camera draws (its zoom is the screen's pixel ratio).
    const font = { fontFamily: 'system-ui, sans-serif', fontSize: `${layout.font.timeline}px`, color: palette.muted, resolution: scene.cameras.main.zoom };
    const axis = scene.add.graphics();
    axis.lineStyle(1, toNumber(palette.muted), 0.6).lineBetween(this.left, axisY, this.right, axisY);
    // Round steps (a minute, an hour, six hours, a day…), as many as the width has room for.
    const steps = [1000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000];
    const step = steps.find((s) => this.durationMs / s <= layout.timeline.labels) ?? 86_400_000;
    for (let t = 0; t <= this.durationMs; t += step) {
      const x = this.x(t);
      axis.lineBetween(x, axisY - 3, x, axisY + 3);
      const label = t === 0 ? stageWords().timeline.start : formatDuration(t);
      const text = scene.add.text(x, axisY + (layout.narrow ? 17 : 20), label, font).setOrigin(0.5, 0);
      // Kept a few pixels inside the stage: a frame's rounded corner would cut a label at its very edge.
      const edge = 6;
      if (x - text.width / 2 < edge) text.setOrigin(0, 0).setX(edge);
      if (x + text.width / 2 > layout.width - edge) text.setOrigin(1, 0).setX(layout.width - edge);
    }
    if (layout.legend) {
      const w = stageWords().timeline;
      const legend = `${acts ? `▲ ${w.userActs}    ` : ''}◆ ${w.changeHappens}    ● ${clients > 1 ? w.everyClientKnows : w.appLearns}    ▬ ${w.wait}    ✕ ${w.refusedOrLost}`;
      scene.add.text(this.left, axisY - (acts ? 58 : 44), legend, font);
    }
    this.marks = scene.add.graphics();
    this.waiting = scene.add.graphics();
    this.cursor = scene.add.rectangle(this.left, axisY, 2, 44, 0xffffff, 0.8);
  }

  x(t: number): number {
    return this.left + (this.right - this.left) * Math.min(1, Math.max(0, t / this.durationMs));
  }

  reset(): void {
    this.marks.clear();
    this.waiting.clear();
    this.pending.clear();
    this.tickColumns.clear();
    this.cursor.setX(this.left);
  }

  packet(p: PacketEvent): void {
    if (p.kind === 'response') return;
    const x = Math.round(this.x(p.t));
    const color = packetColor(p);
    const key = `${x}:${color}`;
    if (this.tickColumns.has(key)) return;
    this.tickColumns.add(key);
    this.marks.fillStyle(toNumber(color), 0.9).fillRect(x, this.axisY + 5, 1, 10);
  }

  mark(m: MarkEvent): void {
    if (m.kind === 'world' && m.eventId !== undefined) {
      this.pending.set(m.eventId, { t: m.t, left: this.clients });
      this.diamond(this.x(m.t), toNumber(palette.world));
    }
    if (m.kind === 'known' && m.eventId !== undefined) {
      const waiting = this.pending.get(m.eventId);
      if (waiting && --waiting.left <= 0) {
        this.pending.delete(m.eventId);
        this.bar(waiting.t, m.t, toNumber(palette.world));
        this.marks.fillStyle(toNumber(palette.known), 1).fillCircle(this.x(m.t), this.axisY - 25, 4);
      }
    }
    if (m.kind === 'act') {
      const x = this.x(m.t);
      const y = this.axisY - 36;
      this.marks.fillStyle(0xffffff, 0.9).fillTriangle(x - 4, y + 4, x, y - 3, x + 4, y + 4);
    }
  }

  /** A message refused, lost, rate-limited or turned down: a red cross over the axis. */
  failure(m: PacedMoment): void {
    const x = Math.round(this.x(m.t));
    const key = `${x}:x`;
    if (this.tickColumns.has(key)) return;
    this.tickColumns.add(key);
    const y = this.axisY - 6;
    this.marks
      .lineStyle(2, toNumber(palette.failed), 1)
      .lineBetween(x - 3, y - 3, x + 3, y + 3)
      .lineBetween(x - 3, y + 3, x + 3, y - 3);
  }

  update(now: number): void {
    this.cursor.setX(this.x(now));
    this.waiting.clear();
    for (const { t } of this.pending.values()) {
      this.waiting.fillStyle(toNumber(palette.failed), 0.55).fillRect(this.x(t), this.axisY - 16, Math.max(1, this.x(now) - this.x(t)), 4);
    }
  }

  private bar(from: number, to: number, color: number): void {
    this.marks.fillStyle(color, 0.55).fillRect(this.x(from), this.axisY - 16, Math.max(1, this.x(to) - this.x(from)), 4);
  }

  private diamond(x: number, color: number): void {
    const y = this.axisY - 14;
    this.marks
      .fillStyle(color, 1)
      .fillTriangle(x - 5, y, x, y - 6, x + 5, y)
      .fillTriangle(x - 5, y, x, y + 6, x + 5, y);
  }
}
