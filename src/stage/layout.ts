import type { StageActor, StageModel } from './model.ts';

/**
 * Where things go on the stage, and how big its text is: the 16:9 stage of a desktop screen, actors
 * where the level places them.
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
    font: { name: compact ? 16 : 18, host: 12, status: 13, clock: 20, small: 12, timeline: 13 },
    network: { top: 56, bottom: networkHeight },
    timeline: { left: 40, right: WIDE.width - 40, axisY: 478, labels: 8 },
    legend: true,
    clock: { x: 20, y: 14 },
    place: (actor) => ({ x: actor.x * WIDE.width, y: 70 + actor.y * (networkHeight - 70), ...node }),
  };
}
