import { describe, expect, it } from 'vitest';
import { calloutPlace } from '../../src/stage/callouts.ts';
import { badgeRadius, clearance, FAILED_RING, linkPath, markAtReceiver } from '../../src/stage/geometry.ts';
import { fittedLayout, narrowLayout, wideLayout, type Spot, type StageLayout } from '../../src/stage/layout.ts';
import { ownNetworks } from '../../src/stage/networks.ts';
import { placeBox } from '../../src/stage/places.ts';
import { stageModel } from '../../src/ui/stage-model.ts';
import { levels } from './helpers.ts';

/**
 * Labels never cover a node's text, on every level and at every size the stage is drawn at: the wide
 * stage of a desktop, a phone held upright (320 to 390 px, 3:4), and a course page's frame (480 to
 * 799 px, 16:9). Nodes stand apart inside the stage and clear of the clock and the timeline's legend;
 * a moment's call-out tab covers no other node; the ring of a message refused at its receiver stands
 * clear of every node and its icon.
 */

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const boxOf = (s: Spot): Box => ({ left: s.x - s.w / 2, right: s.x + s.w / 2, top: s.y - s.h / 2, bottom: s.y + s.h / 2 });
const overlap = (a: Box, b: Box, gap = 0) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

function layoutsOf(level: (typeof levels)[number]): Array<[string, StageLayout]> {
  const model = stageModel(level);
  const phone = stageModel(level, { narrow: true });
  return [
    ['wide', wideLayout(model)],
    ...[320, 358, 390].map((w): [string, StageLayout] => [`phone ${w}`, narrowLayout(phone, w, Math.round((w * 4) / 3))]),
    ...[320, 360, 480, 640, 799].map((w): [string, StageLayout] => [`frame ${w}`, fittedLayout(model, w)]),
  ];
}

const cases = levels.flatMap((level) => layoutsOf(level).map(([size, layout]) => ({ id: level.id, size, layout, level })));

describe.each(cases)('$id, $size', ({ layout, level }) => {
  const placed = new Map(level.actors.map((a) => [layout.place({ ...a, label: a.id, status: '' }), a.kind]));
  const spots = [...placed.keys()];
  const callout = layout.font.small + 1 + 4 + 4; // the tab's text, its padding and its line's leading

  it('puts every node inside the stage, apart from the others, under the clock and above the timeline', () => {
    const clock: Box = { left: layout.clock.x, right: layout.clock.x + 110, top: layout.clock.y, bottom: layout.clock.y + layout.font.clock + 4 };
    for (const spot of spots) {
      const box = boxOf(spot);
      // The icon's badge sits on the top-left corner and must stay on the stage too.
      const badge = badgeRadius(layout.narrow);
      expect(box.left - badge).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      expect(box.top - badge).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(layout.timeline.axisY - 30);
      expect(overlap(box, clock)).toBe(false);
      for (const other of spots) if (other !== spot) expect(overlap(box, boxOf(other), 4)).toBe(false);
    }
  });

  it("keeps a moment's call-out off every other node", () => {
    for (const spot of spots) {
      const place = calloutPlace(spot, spots, layout, callout);
      const width = place.room;
      const tab: Box = {
        left: place.x - width * place.originX,
        right: place.x + width * (1 - place.originX),
        top: place.y - callout * place.originY,
        bottom: place.y + callout * (1 - place.originY),
      };
      expect(tab.left).toBeGreaterThanOrEqual(0);
      expect(tab.right).toBeLessThanOrEqual(layout.width);
      for (const other of spots) if (other !== spot) expect(overlap(tab, boxOf(other))).toBe(false);
    }
  });

  it("draws each place's dashed edge and caption on the stage and above the timeline's marks", () => {
    const spotOf = (id: string) => layout.place({ ...level.actors.find((a) => a.id === id)!, label: id, status: '' });
    const unreachable = level.actors.filter((a) => a.reachable === false).map((a) => [a.id]);
    // Your app's copies standing together share one place (drawPlaces merges them).
    const groups = [
      ...(layout.grouped && unreachable.length > 0 ? [unreachable.flat()] : unreachable),
      ...[...ownNetworks(level.actors).values()].map((inside) => inside.map((a) => a.id)),
    ];
    for (const group of groups) {
      const box = placeBox(layout, [...new Set(group.map(spotOf))])!;
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(layout.timeline.axisY - 30);
    }
  });

  it('rings a refused message short of its receiver, clear of every node and its icon', () => {
    const badge = badgeRadius(layout.narrow);
    for (const a of spots)
      for (const b of spots) {
        // Every message has your app at one end and another party at the other (two copies of your app never
        // talk to each other, and no two other parties talk in front of it).
        if ((placed.get(a) === 'app') === (placed.get(b) === 'app')) continue;
        const { x, y } = markAtReceiver(linkPath(a, b), spots, FAILED_RING, badge, 6);
        for (const node of spots) expect(clearance(x, y, FAILED_RING, node, badge)).toBeGreaterThanOrEqual(6);
      }
  });
});
