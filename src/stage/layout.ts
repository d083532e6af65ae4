import type { StageActor, StageModel } from './model.ts';
import { ownNetworks } from './networks.ts';

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
  /** A node that stands for several clients ("+9 more"): the ids of those it stands for (each placed on it). */
  members?: string[];
  /** Without its host line (one of several in a column: the room goes to the name and what it knows). */
  bare?: boolean;
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
  /** Your app's copies stand together (a column or a row), in one dashed place with one caption. */
  grouped: boolean;
  clock: { x: number; y: number };
  place(actor: StageActor): Spot;
}

export const WIDE = { width: 960, height: 540 } as const;

export function wideLayout(model: StageModel): StageLayout {
  const compact = model.actors.length > 3;
  const networkHeight = 400;
  const node = compact ? { w: 200, h: 96 } : { w: 220, h: 112 };
  const apps = model.actors.filter((a) => a.kind === 'app');
  // Several copies of your app: one column on the left, clear of the clock above and the timeline's legend
  // below (room under it for their place's caption), with room between for a call-out; too many to fit
  // and the last one stands for the rest ("+9 more"), so that no node overlaps another or leaves the stage.
  const legendTop = 478 - (model.acts ? 58 : 44);
  const grouped = apps.length > 1;
  const spots = grouped
    ? fleetColumn(apps.sort(byRow), { x: 24 + node.w / 2, w: node.w, top: 70, bottom: legendTop - 34, gap: 22, minH: 62, maxH: node.h, bare: true })
    : new Map<string, Spot>();
  return {
    ...WIDE,
    narrow: false,
    stacked: false,
    hostLine: true,
    font: { name: compact ? 16 : 18, host: 12, status: 13, clock: 20, small: 12, timeline: 13 },
    network: { top: 56, bottom: networkHeight },
    timeline: { left: 40, right: WIDE.width - 40, axisY: 478, labels: 8 },
    legend: true,
    grouped,
    clock: { x: 20, y: 14 },
    place: (actor) => spots.get(actor.id) ?? { x: actor.x * WIDE.width, y: 70 + actor.y * (networkHeight - 70), ...node },
  };
}

const byRow = (a: StageActor, b: StageActor) => a.y - b.y || a.x - b.x;

/** What a small stage (a phone's, or a course frame's) draws alike: 12 px text and more at the least, four timeline labels, no legend. */
const small = (width: number, axisY: number) =>
  ({
    narrow: true,
    font: { name: 13, host: 12, status: 12, clock: 14, small: 12, timeline: 12 },
    timeline: { left: 14, right: width - 14, axisY, labels: 4 },
    legend: false,
    grouped: true,
  }) as const;

interface Band {
  /** The centre across the band (x of a column, y of a row), and the nodes' size across it. */
  at: number;
  across: number;
  /** The band's extent along it, the room between nodes, and the least and most a node may take along it. */
  from: number;
  to: number;
  gap: number;
  min: number;
  max: number;
}

/**
 * Nodes in a line (a column or a row), centred on the band: as many as fit at their least size; when
 * more are left, the last place is one node that stands for the rest, "+N more".
 */
function fleet(list: StageActor[], band: Band, spot: (at: number, along: number, size: number) => Spot): Map<string, Spot> {
  const spots = new Map<string, Spot>();
  if (list.length === 0) return spots;
  const room = band.to - band.from;
  const fit = Math.max(1, Math.floor((room + band.gap) / (band.min + band.gap)));
  const shown = list.length > fit ? list.slice(0, fit - 1) : list;
  const rest = list.slice(shown.length);
  const n = shown.length + (rest.length > 0 ? 1 : 0);
  const size = Math.max(1, Math.min(band.max, Math.floor((room - band.gap * (n - 1)) / n)));
  const first = (band.from + band.to - (n * size + (n - 1) * band.gap)) / 2 + size / 2;
  shown.forEach((a, i) => spots.set(a.id, spot(band.at, first + i * (size + band.gap), size)));
  if (rest.length > 0) {
    const many = { ...spot(band.at, first + shown.length * (size + band.gap), size), members: rest.map((a) => a.id) };
    for (const a of rest) spots.set(a.id, many);
  }
  return spots;
}

function fleetColumn(
  list: StageActor[],
  o: { x: number; w: number; top: number; bottom: number; gap: number; minH: number; maxH: number; bare?: boolean },
): Map<string, Spot> {
  const band = { at: o.x, across: o.w, from: o.top, to: o.bottom, gap: o.gap, min: o.minH, max: o.maxH };
  return fleet(list, band, (x, y, h) => ({ x, y, w: o.w, h, bare: o.bare }));
}

function fleetRow(list: StageActor[], o: { y: number; h: number; left: number; right: number; gap: number; minW: number; maxW: number }): Map<string, Spot> {
  const band = { at: o.y, across: o.h, from: o.left, to: o.right, gap: o.gap, min: o.minW, max: o.maxW };
  return fleet(list, band, (y, x, w) => ({ x, y, w, h: o.h }));
}

export function narrowLayout(model: StageModel, width: number, height: number): StageLayout {
  const margin = 8;
  const apps = model.actors.filter((a) => a.kind === 'app').sort(byRow);
  const servers = model.actors.filter((a) => a.kind !== 'app').sort(byRow);
  const h = 100;
  const top = 34;
  const axisY = height - 36;
  // Your own network holds the servers' row too: its caption, under that row, needs its line above the timeline.
  const bottom = axisY - 52 - (ownNetworks(model.actors).size > 0 ? 26 : 0);
  // A row of nodes as wide as there is room for, side by side with a margin between; too many, and the
  // last stands for the rest. The first keeps room on its left for the icon on its corner.
  const row = (list: StageActor[], y: number) => fleetRow(list, { y, h, left: margin + 4, right: width - margin, gap: margin, minW: 84, maxW: 200 });
  const spots = new Map([...row(apps, top + margin + h / 2), ...row(servers, bottom - h / 2)]);
  return {
    ...small(width, axisY),
    width,
    height,
    stacked: true,
    hostLine: true,
    network: { top, bottom },
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
  // Under the clock, with room for the badge on a node's corner and its place's dashed edge.
  const top = 38;
  const axisY = height - 36;
  // Clear of the timeline's marks above its axis (a place's dashed edge stands 10 px under its nodes).
  const bottom = axisY - 52;
  const gap = 8;
  const w = Math.max(112, Math.min(200, Math.round(width * 0.3)));
  const columns = [model.actors.filter((a) => a.kind === 'app').sort(byRow), model.actors.filter((a) => a.kind !== 'app').sort(byRow)];
  const spots = new Map<string, Spot>();
  columns.forEach((column, side) => {
    const x = side === 0 ? w / 2 + 14 : width - w / 2 - 14;
    for (const [id, spot] of fleetColumn(column, { x, w, top, bottom, gap, minH: 40, maxH: 70 })) spots.set(id, spot);
  });
  return {
    ...small(width, axisY),
    width,
    height,
    stacked: false,
    hostLine: false,
    network: { top, bottom },
    clock: { x: 8, y: 6 },
    place: (a) => spots.get(a.id) ?? { x: width / 2, y: (top + bottom) / 2, w, h: 70 },
  };
}
