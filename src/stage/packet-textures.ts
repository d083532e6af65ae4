import type * as Phaser from 'phaser';

/**
 * Packets are images of small labelled pills. Each (colour, text) pair is drawn once onto a canvas
 * texture and reused, so hundreds of packets in flight cost no text layout per frame.
 */
const FONT = '600 12px system-ui, -apple-system, "Segoe UI", sans-serif';

export function packetTexture(scene: Phaser.Scene, color: string, text: string): string {
  const key = `packet:${color}:${text}`;
  if (scene.textures.exists(key)) return key;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = FONT;
  const width = Math.ceil(measure.measureText(text).width) + 16;
  const height = 20;
  const texture = scene.textures.createCanvas(key, width, height);
  if (!texture) return key;
  const ctx = texture.context;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, width - 1, height - 1, 9);
  ctx.fill();
  ctx.fillStyle = '#0b1020';
  ctx.font = FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, width / 2, height / 2 + 0.5);
  texture.refresh();
  return key;
}
