import { describe, expect, it } from 'vitest';
import { patternNames, patternRegistry } from '../../src/content/pattern-registry.ts';
import { PACKET_TEXT } from '../../src/stage/packet-textures.ts';
import { FAILED_MARK, packetColor, packetShortText, packetText, palette } from '../../src/stage/palette.ts';
import type { PacketEvent } from '../../src/sim/trace.ts';

/**
 * Not by colour alone, and colours that hold for the common colour-vision deficiencies: the patterns' colours and
 * the stage's message colours stay apart under protanopia, deuteranopia and tritanopia (simulated with Machado,
 * Oliveira and Fernandes' matrices at full severity, compared by CIE76 ΔE in Lab), each pill's dark text keeps
 * 4.5:1 on its colour, and a failed message says so in its words.
 */

const simulations: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));

function lab([r, g, b]: number[]): number[] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const seen = (hex: string, m: number[][]) => lab(m.map((row) => row.reduce((sum, k, j) => sum + k * rgb(hex)[j], 0)));

/** The closest two colours of `colours` as a reader with `deficiency` sees them. */
function closest(colours: Record<string, string>, m: number[][]): { distance: number; pair: string } {
  let best = { distance: Infinity, pair: '' };
  const names = Object.keys(colours);
  for (const [i, a] of names.entries())
    for (const b of names.slice(i + 1)) {
      const distance = Math.hypot(...seen(colours[a], m).map((v, k) => v - seen(colours[b], m)[k]));
      if (distance < best.distance) best = { distance, pair: `${a} and ${b}` };
    }
  return best;
}

function contrast(a: string, b: string): number {
  const lum = (hex: string) => rgb(hex).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const patternColours = Object.fromEntries(patternNames.map((p) => [p, patternRegistry[p].colour]));
const messageColours = {
  request: palette.request,
  response: palette.response,
  unchanged: palette.unchanged,
  webhook: palette.webhook,
  frame: palette.frame,
  chunk: palette.chunk,
  failed: palette.failed,
};

describe('the palette', () => {
  it.each(Object.entries(simulations))('keeps the patterns apart with %s', (_, m) => {
    const { distance, pair } = closest(patternColours, m);
    expect(distance, `${pair} too alike`).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.entries(simulations))("keeps the stage's kinds of message apart with %s", (_, m) => {
    const { distance, pair } = closest(messageColours, m);
    expect(distance, `${pair} too alike`).toBeGreaterThanOrEqual(12);
  });

  it.each(Object.entries({ ...messageColours, world: palette.world, known: palette.known }))(
    'writes dark text at 4.5:1 at least on %s (pills and call-outs)',
    (_, colour) => {
      expect(contrast(PACKET_TEXT, colour)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('marks a failed message in its words as well as its colour', () => {
    const base: PacketEvent = { type: 'packet', seq: 0, kind: 'request', t: 0, arriveAt: 100, from: 'a', to: 'b', label: 'GET /v1/x', size: 1, outcome: 'ok' };
    expect(packetText(base)).toBe('GET /v1/x');
    for (const outcome of ['lost', 'refused', 'error', 'failed', 'rate-limited'] as const) {
      const failed = { ...base, outcome };
      expect(packetColor(failed)).toBe(palette.failed);
      expect(packetText(failed).startsWith(FAILED_MARK)).toBe(true);
      expect(packetShortText(failed)).toBe(`${FAILED_MARK}GET`);
    }
    expect(packetText({ ...base, kind: 'response', status: 429, outcome: 'rate-limited' })).toBe(`${FAILED_MARK}429`);
  });
});
