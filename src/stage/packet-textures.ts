import type * as Phaser from 'phaser';

/**
 * Packets are labelled pills drawn once each, as frames of one canvas texture, so that a Blitter
 * can draw hundreds of them in flight with one texture and no text layout per frame.
 */
export const PACKET_FONT_PX = 12;
const FONT = `600 ${PACKET_FONT_PX}px system-ui, -apple-system, "Segoe UI", sans-serif`;
/** The pills' text colour, dark on every message colour of the palette (4.5:1 at least: tests/unit/palette.test.ts). */
export const PACKET_TEXT = '#0b1020';
const SIZE = 1024;
const HEIGHT = 20;
export const PACKET_ATLAS = 'packet-atlas';

export class PacketAtlas {
  private readonly texture: Phaser.Textures.CanvasTexture;
  private x = 0;
  private y = 0;
  private readonly frames = new Map<string, { width: number; height: number }>();

  constructor(scene: Phaser.Scene) {
    const existing = scene.textures.exists(PACKET_ATLAS) ? scene.textures.get(PACKET_ATLAS) : scene.textures.createCanvas(PACKET_ATLAS, SIZE, SIZE);
    this.texture = existing as Phaser.Textures.CanvasTexture;
  }

  /** The frame for this colour and text, drawn on first use. */
  frame(color: string, text: string): string {
    const key = `${color}:${text}`;
    if (this.frames.has(key)) return key;
    const ctx = this.texture.context;
    ctx.font = FONT;
    const width = Math.min(SIZE, Math.ceil(ctx.measureText(text).width) + 16);
    if (this.x + width > SIZE) {
      this.x = 0;
      this.y += HEIGHT + 2;
    }
    if (this.y + HEIGHT > SIZE) return this.frames.keys().next().value ?? key; // full: reuse, never crash
    const { x, y } = this;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, width - 1, HEIGHT - 1, 9);
    ctx.fill();
    ctx.fillStyle = PACKET_TEXT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x + width / 2, y + HEIGHT / 2 + 0.5);
    this.texture.add(key, 0, x, y, width, HEIGHT);
    this.texture.refresh();
    this.frames.set(key, { width, height: HEIGHT });
    this.x += width + 2;
    return key;
  }

  /** True once this colour and text has a frame of its own (false when the atlas was full). */
  has(color: string, text: string): boolean {
    return this.frames.has(`${color}:${text}`);
  }

  size(key: string): { width: number; height: number } {
    return this.frames.get(key) ?? { width: 0, height: HEIGHT };
  }
}
