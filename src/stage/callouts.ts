import type * as Phaser from 'phaser';
import type { PacedMoment } from '../flow/pacing.ts';
import type { MomentKind } from '../flow/moments.ts';
import type { Spot, StageLayout } from './layout.ts';
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
  private readonly texts = new Map<string, { text: Phaser.GameObjects.Text; shown: PacedMoment | undefined }>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layout: StageLayout,
    private readonly nodes: ReadonlyMap<string, Spot>,
  ) {}

  /** Show, for each actor, its latest moment within CALLOUT_MS before playback position `position`. */
  update(moments: readonly PacedMoment[], position: number): void {
    const latest = new Map<string, PacedMoment>();
    const lo = countAtMost(moments, position, (m) => m.at);
    for (let i = lo - 1; i >= 0 && moments[i].at > position - CALLOUT_MS; i--) {
      if (!latest.has(moments[i].actor)) latest.set(moments[i].actor, moments[i]);
    }
    for (const [actor, view] of this.texts) if (!latest.has(actor) && view.shown) this.hide(view);
    for (const [actor, moment] of latest) this.show(actor, moment);
  }

  clear(): void {
    for (const view of this.texts.values()) this.hide(view);
  }

  private hide(view: { text: Phaser.GameObjects.Text; shown: PacedMoment | undefined }): void {
    view.shown = undefined;
    view.text.setVisible(false);
  }

  private show(actor: string, moment: PacedMoment): void {
    const spot = this.nodes.get(actor);
    if (!spot) return;
    let view = this.texts.get(actor);
    if (!view) {
      const text = this.scene.add
        .text(0, 0, '', {
          fontFamily: 'system-ui, sans-serif',
          fontSize: `${this.layout.font.small + 1}px`,
          fontStyle: '700',
          color: '#0b1020',
          padding: { x: 6, y: 2 },
        })
        .setDepth(20);
      view = { text, shown: undefined };
      this.texts.set(actor, view);
    }
    if (view.shown === moment) return;
    view.shown = moment;
    const { text } = view;
    const words = calloutText(moment);
    text.setText(words).setBackgroundColor(colourOf(moment.kind)).setVisible(true);
    // As wide as the node at most: longer words lose their end; on a narrow node, only the word is left.
    const beside = this.layout.narrow && !this.layout.stacked;
    // Beside a node, half the gap between the two columns is its own.
    const room = beside ? Math.max(60, (this.layout.width - 2 * spot.w) / 2 - 20) : spot.w - 8;
    for (let keep = words.length - 1; text.width > room && keep > 12; keep--) text.setText(`${words.slice(0, keep)}…`);
    if (text.width > room) text.setText(calloutWord(moment.kind));
    // Standing on the node's top edge, clear of its name; on a small stage whose nodes stand in columns
    // (where the edge above is the next node's text), beside the node, toward the messages.
    if (beside) {
      const left = spot.x < this.layout.width / 2;
      text.setOrigin(left ? 0 : 1, 0.5).setPosition(spot.x + (left ? 1 : -1) * (spot.w / 2 + 4), spot.y);
    } else text.setOrigin(0.5, 1).setPosition(spot.x, spot.y - spot.h / 2 + 5);
  }
}
