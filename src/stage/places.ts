import type * as Phaser from 'phaser';
import type { Spot, StageLayout } from './layout.ts';
import type { StageActor, StagePlace } from './model.ts';
import { palette, toNumber } from './palette.ts';
import { stageWords } from './words.ts';
import { ownNetworks } from './networks.ts';

/**
 * Where each actor is: a device with no public address (a browser at home, a phone) or your own
 * network (your app and a server of yours) drawn as a dashed place around its nodes, with its
 * caption; everything else stands on the public internet, said once at the top. So it is seen
 * that nobody can call a browser, and that a direct call between your own machines stays inside.
 */
const PAD = 10;

function dashedRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, dash: number): void {
  const edge = (x1: number, y1: number, x2: number, y2: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1);
    for (let d = 0; d < len; d += dash * 2) {
      const e = Math.min(len, d + dash);
      g.lineBetween(x1 + ((x2 - x1) * d) / len, y1 + ((y2 - y1) * d) / len, x1 + ((x2 - x1) * e) / len, y1 + ((y2 - y1) * e) / len);
    }
  };
  edge(x, y, x + w, y);
  edge(x + w, y, x + w, y + h);
  edge(x + w, y + h, x, y + h);
  edge(x, y + h, x, y);
}

export function drawPlaces(
  scene: Phaser.Scene,
  layout: StageLayout,
  places: readonly StagePlace[],
  spotOf: (actor: string) => Spot | undefined,
  text: (x: number, y: number, content: string, px: number) => Phaser.GameObjects.Text,
): void {
  const g = scene.add.graphics();
  const colour = toNumber(palette.muted);
  // Where your app's copies stand together (a column, a phone's row) one place holds them all, with one caption.
  const merged = layout.grouped
    ? [...new Set(places.map((p) => p.caption))].map((caption) => ({ caption, actors: places.filter((p) => p.caption === caption).flatMap((p) => p.actors) }))
    : places;
  for (const place of merged) {
    const spots = place.actors.map(spotOf).filter((s): s is Spot => s !== undefined);
    const box = placeBox(layout, spots);
    if (!box) continue;
    const { left, right, top, bottom } = box;
    g.fillStyle(0x000000, 0.18).fillRoundedRect(left, top, right - left, bottom - top, 10);
    g.lineStyle(1.5, colour, 0.7);
    dashedRect(g, left, top, right - left, bottom - top, 6);
    if (box.caption === 'below') text((left + right) / 2, bottom - 3, place.caption, layout.font.small).setOrigin(0.5, 1);
    else if (box.caption === 'corner') text(right - 8, top + 2, place.caption, layout.font.small).setOrigin(1, 0);
  }
  const corner = layout.stacked
    ? text(layout.width - 8, (layout.network.top + layout.network.bottom) / 2, stageWords().places.publicInternet, layout.font.small).setOrigin(1, 0.5)
    : layout.narrow
      ? text(
          layout.width - 8,
          layout.clock.y + 2,
          merged.length > 0 ? stageWords().places.dashed.replace('{places}', merged.map((p) => p.caption).join('; ')) : stageWords().places.thePublicInternet,
          layout.font.small,
        ).setOrigin(1, 0)
      : text(layout.clock.x + 196, layout.clock.y + 5, stageWords().places.thePublicInternet, layout.font.small);
  corner.setAlpha(0.8);
}

/** A place's dashed edge around its nodes, and where its caption goes: under them, in its top right corner, or nowhere. */
export interface PlaceBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  caption: 'below' | 'corner' | 'none';
}

export function placeBox(layout: StageLayout, spots: readonly Spot[]): PlaceBox | undefined {
  if (spots.length === 0) return undefined;
  // Under the nodes where there is room above the timeline's legend (else over the node's right corner):
  // the top edge is where a node's call-outs stand.
  const lowest = Math.max(...spots.map((s) => s.y + s.h / 2)) + PAD + layout.font.small + 4;
  const below = layout.narrow || spots.length > 1 || lowest <= layout.timeline.axisY - 62;
  // A small stage in columns has no room for captions by its places: the corner names them instead.
  const captioned = layout.stacked || !layout.narrow;
  const band = captioned ? layout.font.small + 4 : 0;
  // Inside the stage: a phone's row of nodes leaves less than the pad at its sides.
  return {
    left: Math.max(2, Math.min(...spots.map((s) => s.x - s.w / 2)) - PAD),
    right: Math.min(layout.width - 2, Math.max(...spots.map((s) => s.x + s.w / 2)) + PAD),
    top: Math.min(...spots.map((s) => s.y - s.h / 2)) - PAD - (below ? 0 : band),
    bottom: Math.max(...spots.map((s) => s.y + s.h / 2)) + PAD + (below ? band : 0),
    caption: !captioned ? 'none' : below ? 'below' : 'corner',
  };
}

/**
 * The places that are not the public internet: each device nothing can reach (a browser, a phone)
 * and, where your app and a server share a domain, your own network, where a direct call stays.
 */
export function placesOf(actors: readonly StageActor[]): StagePlace[] {
  const places: StagePlace[] = actors.filter((a) => a.reachable === false).map((a) => ({ actors: [a.id], caption: stageWords().places.noPublicAddress }));
  for (const [domain, inside] of ownNetworks(actors)) {
    places.push({ actors: inside.map((a) => a.id), caption: stageWords().places.ownNetwork.replace('{domain}', domain) });
  }
  return places;
}
