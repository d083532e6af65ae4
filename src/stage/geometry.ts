import type { Spot } from './layout.ts';

/**
 * Where things go between the nodes, worked out without Phaser so that it can be tested for every
 * level and every stage size: the way a message takes between two nodes, and where a mark of a
 * message refused at its receiver stands clear of every node and its icon.
 */
export interface Path {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** How far each direction of a link keeps to its own side (to the left of travel), in stage pixels. */
export const LANE = 13;

/** The radius of the ring that marks a message refused or failed at its receiver. */
export const FAILED_RING = 10;

/** The icon badge's radius on a node's top-left corner. */
export const badgeRadius = (narrow: boolean): number => (narrow ? 10 : 13);

/** Start and end of the way from node a to node b: off both boxes (4 px from their edges along the link), in its own lane. */
export function linkPath(a: Spot, b: Spot): Path {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // From each centre to its box's edge along the link.
  const edge = (n: Spot) => Math.min(Math.abs(ux) > 1e-9 ? n.w / 2 / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-9 ? n.h / 2 / Math.abs(uy) : Infinity);
  const from = Math.min(edge(a) + 4, len / 2 - 1);
  const to = Math.min(edge(b) + 4, len / 2 - 1);
  const ox = uy * LANE;
  const oy = -ux * LANE;
  return { ax: a.x + ux * from + ox, ay: a.y + uy * from + oy, bx: b.x - ux * to + ox, by: b.y - uy * to + oy };
}

/** The room between a circle and a node's box with its badge (negative: they overlap). */
export function clearance(x: number, y: number, r: number, node: Spot, badge: number): number {
  const dx = Math.max(node.x - node.w / 2 - x, 0, x - node.x - node.w / 2);
  const dy = Math.max(node.y - node.h / 2 - y, 0, y - node.y - node.h / 2);
  const toBox = Math.hypot(dx, dy) - r;
  const toBadge = Math.hypot(x - (node.x - node.w / 2), y - (node.y - node.h / 2)) - badge - r;
  return Math.min(toBox, toBadge);
}

/**
 * Where on a way a ring of radius r marks a message stopped at its receiver: as near the receiver as
 * it can stand with `gap` px clear of every node and its badge, walking back along the way; at the
 * way's middle at the farthest (where two nodes stand too close for that, the middle is the best room).
 */
export function markAtReceiver(path: Path, nodes: Iterable<Spot>, r: number, badge: number, gap = 2): { x: number; y: number } {
  const len = Math.hypot(path.bx - path.ax, path.by - path.ay) || 1;
  const boxes = [...nodes];
  const at = (back: number) => ({ x: path.bx - ((path.bx - path.ax) * back) / len, y: path.by - ((path.by - path.ay) * back) / len });
  for (let back = 0; back < len / 2; back += 2) {
    const p = at(back);
    if (boxes.every((n) => clearance(p.x, p.y, r, n, badge) >= gap)) return p;
  }
  return at(len / 2);
}
