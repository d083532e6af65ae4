import type * as Phaser from 'phaser';
import type { Spot } from './layout.ts';
import { palette, toNumber } from './palette.ts';

/**
 * A connection held open, drawn so its kind is read without the legend. A WebSocket is a two-way
 * pipe: two rails, arrows both ways (either end may speak at any time). An event stream is a one-way
 * pipe: one rail, arrows from the server to the client only (the client asked once; only the server
 * speaks after that). Drawn from centre to centre under the nodes, which hide the ends.
 */
export type PipeKind = 'socket' | 'stream';

/** A chevron at fraction `k` of the way from a to b, pointing along (or against, `back`) it. */
function chevron(g: Phaser.GameObjects.Graphics, a: Spot, b: Spot, k: number, back: boolean, size: number): void {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = ((b.x - a.x) / len) * (back ? -1 : 1);
  const uy = ((b.y - a.y) / len) * (back ? -1 : 1);
  const x = a.x + (b.x - a.x) * k;
  const y = a.y + (b.y - a.y) * k;
  g.lineBetween(x - ux * size - uy * size, y - uy * size + ux * size, x, y);
  g.lineBetween(x - ux * size + uy * size, y - uy * size - ux * size, x, y);
}

/** A pipe between a client and a server. */
export function drawPipe(g: Phaser.GameObjects.Graphics, client: Spot, server: Spot, kind: PipeKind): void {
  const len = Math.hypot(server.x - client.x, server.y - client.y) || 1;
  const nx = -(server.y - client.y) / len;
  const ny = (server.x - client.x) / len;
  if (kind === 'socket') {
    const colour = toNumber(palette.frame);
    const rail = 11;
    g.lineStyle(26, colour, 0.14).lineBetween(client.x, client.y, server.x, server.y);
    g.lineStyle(2, colour, 0.75);
    for (const side of [-1, 1])
      g.lineBetween(client.x + nx * rail * side, client.y + ny * rail * side, server.x + nx * rail * side, server.y + ny * rail * side);
    g.lineStyle(2, colour, 0.9);
    for (const k of [0.4, 0.6]) {
      chevron(g, client, server, k - 0.03, false, 5);
      chevron(g, client, server, k + 0.03, true, 5);
    }
    return;
  }
  const colour = toNumber(palette.chunk);
  g.lineStyle(14, colour, 0.12).lineBetween(server.x, server.y, client.x, client.y);
  g.lineStyle(1.5, colour, 0.6).lineBetween(server.x, server.y, client.x, client.y);
  g.lineStyle(2, colour, 0.9);
  for (const k of [0.35, 0.45, 0.55, 0.65]) chevron(g, server, client, k, false, 5);
}
