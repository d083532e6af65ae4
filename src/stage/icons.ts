import type * as Phaser from 'phaser';
import type { StageActor } from './model.ts';

/**
 * What each actor is, drawn as a small flat icon on its node's corner, so a learner sees a shop,
 * a carrier, a phone, a script that sleeps, without reading the legend. Lines only, one colour,
 * in a box of `s` pixels centred on (x, y); drawn with Graphics, no image to load.
 */
export type ActorIcon =
  'shop' | 'truck' | 'card' | 'code' | 'chat' | 'chart' | 'gavel' | 'spark' | 'page' | 'person' | 'box' | 'mail' | 'server' | 'phone' | 'laptop' | 'script';

type Draw = (g: Phaser.GameObjects.Graphics, x: number, y: number, s: number) => void;

/** A line through points given as x, y, x, y…; closed back to the first when asked. */
function polyline(g: Phaser.GameObjects.Graphics, points: Array<{ x: number; y: number }>, closed: boolean): void {
  g.beginPath();
  g.moveTo(points[0].x, points[0].y);
  for (const p of points.slice(1)) g.lineTo(p.x, p.y);
  if (closed) g.closePath();
  g.strokePath();
}

const draw: Record<ActorIcon, Draw> = {
  shop: (g, x, y, s) => {
    // An awning over a door.
    g.strokeRect(x - s * 0.4, y - s * 0.1, s * 0.8, s * 0.5);
    g.strokeTriangle(x - s * 0.5, y - s * 0.1, x + s * 0.5, y - s * 0.1, x, y - s * 0.45);
    g.strokeRect(x - s * 0.1, y + s * 0.1, s * 0.2, s * 0.3);
  },
  truck: (g, x, y, s) => {
    g.strokeRect(x - s * 0.5, y - s * 0.3, s * 0.6, s * 0.45);
    g.strokeRect(x + s * 0.1, y - s * 0.1, s * 0.35, s * 0.25);
    g.strokeCircle(x - s * 0.3, y + s * 0.28, s * 0.1);
    g.strokeCircle(x + s * 0.28, y + s * 0.28, s * 0.1);
  },
  card: (g, x, y, s) => {
    g.strokeRoundedRect(x - s * 0.5, y - s * 0.32, s, s * 0.64, 3);
    g.lineBetween(x - s * 0.5, y - s * 0.12, x + s * 0.5, y - s * 0.12);
    g.lineBetween(x - s * 0.35, y + s * 0.15, x - s * 0.05, y + s * 0.15);
  },
  code: (g, x, y, s) => {
    // A branch that merges: two dots joined, and a third on a side line.
    g.strokeCircle(x - s * 0.2, y - s * 0.35, s * 0.1);
    g.strokeCircle(x - s * 0.2, y + s * 0.35, s * 0.1);
    g.strokeCircle(x + s * 0.25, y - s * 0.1, s * 0.1);
    g.lineBetween(x - s * 0.2, y - s * 0.25, x - s * 0.2, y + s * 0.25);
    g.lineBetween(x + s * 0.25, y, x - s * 0.15, y + s * 0.25);
  },
  chat: (g, x, y, s) => {
    g.strokeRoundedRect(x - s * 0.5, y - s * 0.4, s, s * 0.6, 4);
    g.strokeTriangle(x - s * 0.3, y + s * 0.2, x - s * 0.05, y + s * 0.2, x - s * 0.35, y + s * 0.45);
  },
  chart: (g, x, y, s) => {
    g.lineBetween(x - s * 0.5, y + s * 0.4, x + s * 0.5, y + s * 0.4);
    g.lineBetween(x - s * 0.5, y - s * 0.45, x - s * 0.5, y + s * 0.4);
    polyline(
      g,
      [
        { x: x - s * 0.4, y: y + s * 0.2 },
        { x: x - s * 0.1, y: y - s * 0.05 },
        { x: x + s * 0.1, y: y + s * 0.1 },
        { x: x + s * 0.45, y: y - s * 0.35 },
      ],
      false,
    );
  },
  gavel: (g, x, y, s) => {
    g.strokeRect(x - s * 0.45, y - s * 0.45, s * 0.5, s * 0.25);
    g.lineBetween(x - s * 0.2, y - s * 0.2, x + s * 0.35, y + s * 0.3);
    g.lineBetween(x - s * 0.5, y + s * 0.45, x + s * 0.1, y + s * 0.45);
  },
  spark: (g, x, y, s) => {
    // Two four-pointed stars: the usual sign of an AI assistant.
    const star = (cx: number, cy: number, r: number) =>
      polyline(
        g,
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
          x: cx + Math.cos((i * Math.PI) / 4) * (i % 2 ? r * 0.3 : r),
          y: cy + Math.sin((i * Math.PI) / 4) * (i % 2 ? r * 0.3 : r),
        })),
        true,
      );
    star(x - s * 0.1, y + s * 0.05, s * 0.4);
    star(x + s * 0.32, y - s * 0.3, s * 0.16);
  },
  page: (g, x, y, s) => {
    g.strokeRect(x - s * 0.35, y - s * 0.45, s * 0.7, s * 0.9);
    for (const k of [-0.2, 0, 0.2]) g.lineBetween(x - s * 0.2, y + s * k, x + s * 0.2, y + s * k);
  },
  person: (g, x, y, s) => {
    g.strokeCircle(x, y - s * 0.2, s * 0.2);
    g.beginPath();
    g.arc(x, y + s * 0.45, s * 0.38, Math.PI, 0);
    g.strokePath();
  },
  box: (g, x, y, s) => {
    g.strokeRect(x - s * 0.4, y - s * 0.3, s * 0.8, s * 0.7);
    g.lineBetween(x - s * 0.4, y - s * 0.05, x + s * 0.4, y - s * 0.05);
    g.lineBetween(x, y - s * 0.3, x, y - s * 0.05);
  },
  mail: (g, x, y, s) => {
    g.strokeRect(x - s * 0.5, y - s * 0.32, s, s * 0.64);
    g.lineBetween(x - s * 0.5, y - s * 0.32, x, y + s * 0.05);
    g.lineBetween(x + s * 0.5, y - s * 0.32, x, y + s * 0.05);
  },
  server: (g, x, y, s) => {
    for (const k of [-0.45, -0.1, 0.25]) {
      g.strokeRect(x - s * 0.42, y + s * k, s * 0.84, s * 0.28);
      g.fillCircle(x + s * 0.25, y + s * (k + 0.14), s * 0.05);
    }
  },
  phone: (g, x, y, s) => {
    g.strokeRoundedRect(x - s * 0.25, y - s * 0.48, s * 0.5, s * 0.96, 3);
    g.lineBetween(x - s * 0.08, y + s * 0.36, x + s * 0.08, y + s * 0.36);
  },
  laptop: (g, x, y, s) => {
    g.strokeRect(x - s * 0.36, y - s * 0.38, s * 0.72, s * 0.5);
    g.lineBetween(x - s * 0.5, y + s * 0.25, x + s * 0.5, y + s * 0.25);
    g.lineBetween(x - s * 0.36, y + s * 0.12, x - s * 0.5, y + s * 0.25);
    g.lineBetween(x + s * 0.36, y + s * 0.12, x + s * 0.5, y + s * 0.25);
  },
  script: (g, x, y, s) => {
    // A crescent moon and "z": a script that sleeps until its time.
    g.beginPath();
    g.arc(x - s * 0.1, y + s * 0.05, s * 0.38, Math.PI * 0.35, Math.PI * 1.65);
    g.arc(x + s * 0.05, y + s * 0.05, s * 0.3, Math.PI * 1.55, Math.PI * 0.45, true);
    g.closePath();
    g.strokePath();
    polyline(
      g,
      [
        { x: x + s * 0.22, y: y - s * 0.45 },
        { x: x + s * 0.45, y: y - s * 0.45 },
        { x: x + s * 0.22, y: y - s * 0.22 },
        { x: x + s * 0.45, y: y - s * 0.22 },
      ],
      false,
    );
  },
};

/** A round badge with the icon, its centre at (x, y). */
export function drawBadge(g: Phaser.GameObjects.Graphics, icon: ActorIcon, x: number, y: number, r: number, fill: number, edge: number): void {
  g.fillStyle(fill, 1).fillCircle(x, y, r);
  g.lineStyle(2, edge, 1).strokeCircle(x, y, r);
  g.lineStyle(1.6, edge, 1).fillStyle(edge, 1);
  draw[icon](g, x, y, r * 1.15);
}

/** The icon that says what an actor is, read from what the level says of it: its kind, name, host, whether it can be reached, when it runs. */
export function iconOf(actor: StageActor): ActorIcon {
  const words = `${actor.id} ${actor.host}`.toLowerCase();
  const has = (...parts: string[]) => parts.some((p) => words.includes(p));
  if (actor.kind === 'app') {
    if (actor.runs) return 'script';
    if (actor.reachable === false) return has('phone', 'mobile', 'tablet') ? 'phone' : 'laptop';
    if (has('mail')) return 'mail';
    if (has('shop')) return 'shop';
    if (has('www', 'page')) return 'page';
    return 'server';
  }
  const byWord: Array<[string[], ActorIcon]> = [
    [['carrier', 'parcel', 'shipping'], 'truck'],
    [['payment', 'pay.'], 'card'],
    [['codehost', 'git'], 'code'],
    [['chat'], 'chat'],
    [['rate', 'market', 'quote', 'ticker'], 'chart'],
    [['auction'], 'gavel'],
    [['assistant', 'ai.'], 'spark'],
    [['cms', 'blog'], 'page'],
    [['auth', 'user'], 'person'],
    [['order'], 'box'],
    [['shop'], 'shop'],
    [['mail'], 'mail'],
  ];
  return byWord.find(([parts]) => has(...parts))?.[1] ?? 'server';
}
