import { patternRegistry } from '../content/pattern-registry.ts';
import type { PacketEvent } from '../sim/trace.ts';

/**
 * The stage's visual language: one colour per kind of message, a warm vermilion for anything that failed. The
 * kinds that are a pattern's own take its colour from the registry: webhook deliveries, WebSocket frames and
 * the handshake that opens them, event-stream chunks, and requests in polling's colour (polling is asking again
 * and again), so the stage, the choice buttons and the debrief's chart agree. Based on Okabe and Ito's palette,
 * the kinds stay apart under protanopia, deuteranopia and tritanopia, and each pill's dark text keeps 4.5:1 on
 * its colour (tests/unit/palette.test.ts); a failure is also marked in its words (✗), not by its colour alone.
 */
export const palette = {
  background: 0x0f1629,
  panel: 0x1a2440,
  panelEdge: 0x2c3b63,
  text: '#e8edf7',
  muted: '#93a1bf',
  request: patternRegistry.polling.colour,
  response: '#009e73',
  unchanged: '#c4c4c4',
  webhook: patternRegistry.webhook.colour,
  frame: patternRegistry.websocket.colour,
  handshake: patternRegistry.websocket.colour,
  chunk: patternRegistry.sse.colour,
  failed: '#e66a2c',
  world: patternRegistry.webhook.colour,
  known: '#009e73',
} as const;

/** A message that failed: lost, refused, an error, rate-limited. */
export const failedOutcome = (p: PacketEvent): boolean =>
  p.outcome === 'lost' || p.outcome === 'refused' || p.outcome === 'error' || p.outcome === 'failed' || p.outcome === 'rate-limited';

/** The mark a failed message's words carry, so that a failure is not told by its colour alone. */
export const FAILED_MARK = '✗ ';

export function packetColor(p: PacketEvent): string {
  if (failedOutcome(p)) return palette.failed;
  if (p.kind === 'response') return p.outcome === 'unchanged' ? palette.unchanged : palette.response;
  return palette[p.kind];
}

/** The short text on a moving packet; a failed one's marked ✗. */
export function packetText(p: PacketEvent): string {
  return (failedOutcome(p) ? FAILED_MARK : '') + packetWords(p);
}

function packetWords(p: PacketEvent): string {
  if (p.kind === 'response') return p.status ? String(p.status) : p.label;
  if (p.kind === 'frame') return p.label.length > 14 ? p.label.slice(0, 13) + '…' : p.label;
  // An event on a stream, by its first field: its id (what a reconnecting page sends back as Last-Event-ID), or retry:.
  if (p.kind === 'chunk') return p.label.length > 14 ? p.label.slice(0, 13) + '…' : p.label;
  if (p.kind === 'handshake') return 'GET Upgrade';
  const [method, path = ''] = p.label.split(' ');
  const last = path.split('/').filter(Boolean).slice(-2).join('/');
  return `${method} /${last}`;
}

/** The shortest label, for a crowded wire: the method or the status alone (a failed one's marked ✗). */
export function packetShortText(p: PacketEvent): string {
  return (failedOutcome(p) ? FAILED_MARK : '') + packetShortWords(p);
}

function packetShortWords(p: PacketEvent): string {
  if (p.kind === 'response') return p.status ? String(p.status) : '…';
  if (p.kind === 'frame') return 'WS';
  if (p.kind === 'chunk') return 'SSE';
  if (p.kind === 'handshake') return 'UPG';
  return p.label.split(' ')[0];
}

export const toNumber = (css: string): number => parseInt(css.slice(1), 16);
