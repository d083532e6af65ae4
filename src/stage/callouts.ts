import type * as Phaser from 'phaser';
import type { PacedMoment } from '../flow/pacing.ts';
import type { MomentKind } from '../flow/moments.ts';
import type { Spot, StageLayout } from './layout.ts';
import { badgeRadius } from './geometry.ts';
import { palette } from './palette.ts';
import { countAtMost } from '../sim/sorted.ts';
import { stageWords } from './words.ts';

/**
 * The moments that decide the verdict, said in words where they happen: "Changed: Out for delivery"
 * on the carrier, "Knows: …" on your shop, "Refused", "Lost on the way". Each shows for a while
 * of playback after its moment, as a tab on the top edge of its actor's node: it belongs to that
 * node, and covers neither its text nor another node's.
 */
export const CALLOUT_MS = 1800;

const MAX_LABEL = 26;
const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** A moment's call-out, in the stage's words ("Changed: Out for delivery"). */
export const calloutText = (m: PacedMoment): string => stageWords().callouts[m.kind].replace('{label}', short(m.label));

/** The word alone, for a node too narrow for the whole call-out. */
export const calloutWord = (kind: MomentKind): string => stageWords().calloutWords[kind];

const colourOf = (kind: MomentKind): string => (kind === 'change' ? palette.world : kind === 'learned' || kind === 'caught' ? palette.known : palette.failed);

export class Callouts {
  /** By node: the clients one "+N more" node stands for share its call-out. */
  private readonly texts = new Map<Spot, { text: Phaser.GameObjects.Text; shown: PacedMoment | undefined }>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layout: StageLayout,
    private readonly nodes: ReadonlyMap<string, Spot>,
  ) {}

  /** Show, for each actor, its latest moment within CALLOUT_MS before playback position `position`. */
  update(moments: readonly PacedMoment[], position: number): void {
    const latest = new Map<Spot, PacedMoment>();
    const lo = countAtMost(moments, position, (m) => m.at);
    for (let i = lo - 1; i >= 0 && moments[i].at > position - CALLOUT_MS; i--) {
      const spot = this.nodes.get(moments[i].actor);
      if (spot && !latest.has(spot)) latest.set(spot, moments[i]);
    }
    for (const [spot, view] of this.texts) if (!latest.has(spot) && view.shown) this.hide(view);
    for (const [spot, moment] of latest) this.show(spot, moment);
  }

  clear(): void {
    for (const view of this.texts.values()) this.hide(view);
  }

  private hide(view: { text: Phaser.GameObjects.Text; shown: PacedMoment | undefined }): void {
    view.shown = undefined;
    view.text.setVisible(false);
  }

  private show(spot: Spot, moment: PacedMoment): void {
    let view = this.texts.get(spot);
    if (!view) {
      const text = this.scene.add
        .text(0, 0, '', {
          fontFamily: 'system-ui, sans-serif',
          fontSize: `${this.layout.font.small + 1}px`,
          fontStyle: '700',
          color: '#0b1020',
          padding: { x: 6, y: 2 },
          // As finely as the camera draws (its zoom is the screen's pixel ratio).
          resolution: this.scene.cameras.main.zoom,
        })
        .setDepth(20);
      view = { text, shown: undefined };
      this.texts.set(spot, view);
    }
    if (view.shown === moment) return;
    view.shown = moment;
    const { text } = view;
    const words = calloutText(moment);
    text.setText(words).setBackgroundColor(colourOf(moment.kind)).setVisible(true);
    const place = calloutPlace(spot, [...new Set(this.nodes.values())], this.layout, text.height);
    for (let keep = words.length - 1; text.width > place.room && keep > 12; keep--) text.setText(`${words.slice(0, keep)}…`);
    if (text.width > place.room) text.setText(calloutWord(moment.kind));
    text.setOrigin(place.originX, place.originY).setPosition(place.x, place.y);
  }
}

/** Where a call-out of a node stands: the point, which of its corners or edges is on that point (0..1), and how wide it may be. */
export interface CalloutPlace {
  x: number;
  y: number;
  originX: number;
  originY: number;
  room: number;
}

/**
 * On the node's top edge, right of its icon (the badge on its corner) and clear of its name; on a small
 * stage whose nodes stand in columns, there only where no node stands above (else it would cover that
 * node's text), otherwise beside the node, toward the messages. Beside a node, half the gap between the
 * two columns is its own; above it, the edge right of the icon.
 */
export function calloutPlace(spot: Spot, nodes: readonly Spot[], layout: StageLayout, height: number): CalloutPlace {
  const badge = badgeRadius(layout.narrow) + 4;
  const lo = spot.x - spot.w / 2 + badge;
  const hi = spot.x + spot.w / 2 - 4;
  const top = spot.y - spot.h / 2;
  const clearAbove = !nodes.some((n) => n !== spot && n.x + n.w / 2 > lo && n.x - n.w / 2 < hi && n.y + n.h / 2 > top - height && n.y - n.h / 2 < top);
  if (layout.narrow && !layout.stacked && !clearAbove) {
    const left = spot.x < layout.width / 2;
    return {
      x: spot.x + (left ? 1 : -1) * (spot.w / 2 + 4),
      y: spot.y,
      originX: left ? 0 : 1,
      originY: 0.5,
      room: Math.max(60, (layout.width - 2 * spot.w) / 2 - 20),
    };
  }
  // A node with room for one status line has its name close under its top edge: the tab then stands just over it.
  return { x: (lo + hi) / 2, y: top + (spot.h < 60 ? 1 : 5), originX: 0.5, originY: 1, room: hi - lo };
}
