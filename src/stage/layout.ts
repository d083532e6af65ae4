import type { StageActor, StageModel } from './model.ts';

/**
 * Where things go on the stage, and how big its text is. Wide: the 16:9 stage of a desktop screen,
 * actors where the level places them. Narrow (a phone held upright): the stage is as many pixels
 * wide as it is shown, so its text is drawn at its CSS size; your app's copies stand in a row at
 * the top and the servers at the bottom, with room between for messages; the legend is left out.
 */
export interface Spot {
  /** Centre of the actor's node, and its size. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StageLayout {
  width: number;
  height: number;
  /** Drawn at the size it is shown (its text at its CSS size), with less room: shorter lines, no legend. */
  narrow: boolean;
  /** Your app's copies in one row at the top, the servers at the bottom (a phone held upright). */
  stacked: boolean;
  /** Room in a node for its host's name under its own. */
  hostLine: boolean;
  /** Font sizes in stage pixels. */
  font: { name: number; host: number; status: number; clock: number; small: number; timeline: number };
  /** The area the network is drawn in (above the timeline). */
  network: { top: number; bottom: number };
  timeline: { left: number; right: number; axisY: number; labels: number };
  legend: boolean;
  clock: { x: number; y: number };
  place(actor: StageActor): Spot;
}

export const WIDE = { width: 960, height: 540 } as const;

export function wideLayout(model: StageModel): StageLayout {
  const compact = model.actors.length > 3;
  const networkHeight = 400;
  const node = compact ? { w: 200, h: 96 } : { w: 220, h: 112 };
  return {
    ...WIDE,
    narrow: false,
    stacked: false,
    hostLine: true,
    font: { name: compact ? 16 : 18, host: 12, status: 13, clock: 20, small: 12, timeline: 13 },
    network: { top: 56, bottom: networkHeight },
    timeline: { left: 40, right: WIDE.width - 40, axisY: 478, labels: 8 },
    legend: true,
    clock: { x: 20, y: 14 },
    place: (actor) => ({ x: actor.x * WIDE.width, y: 70 + actor.y * (networkHeight - 70), ...node }),
  };
}

export function narrowLayout(model: StageModel, width: number, height: number): StageLayout {
  const margin = 8;
  const apps = model.actors.filter((a) => a.kind === 'app').sort((a, b) => a.y - b.y || a.x - b.x);
  const servers = model.actors.filter((a) => a.kind !== 'app').sort((a, b) => a.y - b.y || a.x - b.x);
  const h = 100;
  const top = 34;
  const axisY = height - 36;
  const bottom = axisY - 52;
  // A row of nodes as wide as there is room for, side by side with a margin between.
  const row = (list: StageActor[], y: number) => {
    const w = Math.min(200, Math.floor((width - margin * (list.length + 1)) / Math.max(1, list.length)));
    const left = (width - list.length * w - (list.length - 1) * margin) / 2;
    return list.map((a, i): [string, Spot] => [a.id, { x: left + w / 2 + i * (w + margin), y, w, h }]);
  };
  const spots = new Map([...row(apps, top + margin + h / 2), ...row(servers, bottom - h / 2)]);
  return {
    width,
    height,
    narrow: true,
    stacked: true,
    hostLine: true,
    font: { name: 13, host: 12, status: 12, clock: 14, small: 12, timeline: 12 },
    network: { top, bottom },
    timeline: { left: 14, right: width - 14, axisY, labels: 4 },
    legend: false,
    clock: { x: margin, y: 8 },
    place: (actor) => spots.get(actor.id) ?? { x: width / 2, y: (top + bottom) / 2, w: 120, h },
  };
}

/** Below this many CSS pixels the wide stage, scaled down, would draw its smallest text under about 10 px. */
export const FITTED_BELOW = 800;

/**
 * A stage shown narrower than FITTED_BELOW but not upright (a course page's 800 px frame gives it about
 * 480 px), drawn at its CSS size so that its text keeps 12 px: your app's copies in a column on the
 * left, the servers in one on the right, messages crossing between; the nodes smaller (without the
 * host line, and with one status line when many share a column), the legend left out.
 */
export function fittedLayout(model: StageModel, width: number): StageLayout {
  const height = Math.round((width * WIDE.height) / WIDE.width);
  const top = 30;
  const axisY = height - 32;
  const bottom = axisY - 30;
  const gap = 8;
  const w = Math.max(112, Math.min(200, Math.round(width * 0.3)));
  const byRow = (a: StageActor, b: StageActor) => a.y - b.y || a.x - b.x;
  const columns = [model.actors.filter((a) => a.kind === 'app').sort(byRow), model.actors.filter((a) => a.kind !== 'app').sort(byRow)];
  const h = Math.min(70, Math.floor((bottom - top - gap * (Math.max(...columns.map((c) => c.length)) - 1)) / Math.max(1, ...columns.map((c) => c.length))));
  const spots = new Map<string, Spot>();
  columns.forEach((column, side) => {
    const x = side === 0 ? w / 2 + 14 : width - w / 2 - 14;
    const span = column.length * h + (column.length - 1) * gap;
    const first = (top + bottom - span) / 2 + h / 2;
    column.forEach((a, i) => spots.set(a.id, { x, y: first + i * (h + gap), w, h }));
  });
  return {
    width,
    height,
    narrow: true,
    stacked: false,
    hostLine: false,
    font: { name: 13, host: 12, status: 12, clock: 14, small: 12, timeline: 12 },
    network: { top, bottom },
    timeline: { left: 14, right: width - 14, axisY, labels: 4 },
    legend: false,
    clock: { x: 8, y: 6 },
    place: (a) => spots.get(a.id) ?? { x: width / 2, y: (top + bottom) / 2, w, h },
  };
}
