import { patternRegistry } from '../content/pattern-registry.ts';
import type { PacketEvent } from '../sim/trace.ts';

/**
 * The stage's visual language: one colour per kind of message, red for anything that failed. The kinds
 * that are a pattern's own take its colour from the registry: webhook deliveries, WebSocket frames, and
 * requests in polling's colour (polling is asking again and again), so the stage, the choice buttons and
 * the debrief's chart agree.
 */
export const palette = {
  background: 0x0f1629,
  panel: 0x1a2440,
  panelEdge: 0x2c3b63,
  text: '#e8edf7',
  muted: '#93a1bf',
  request: patternRegistry.polling.colour,
  response: '#37c98b',
  unchanged: '#7d879c',
  webhook: patternRegistry.webhook.colour,
  frame: patternRegistry.websocket.colour,
  handshake: '#3fd0d6',
  chunk: '#5fd3a0',
  failed: '#ff5d6c',
  world: '#ffb020',
  known: '#37c98b',
} as const;

export function packetColor(p: PacketEvent): string {
  if (p.outcome === 'lost' || p.outcome === 'refused' || p.outcome === 'error' || p.outcome === 'failed' || p.outcome === 'rate-limited') {
    return palette.failed;
  }
  if (p.kind === 'response') return p.outcome === 'unchanged' ? palette.unchanged : palette.response;
  return palette[p.kind];
}

/** The short text on a moving packet. */
export function packetText(p: PacketEvent): string {
  if (p.kind === 'response') return p.status ? String(p.status) : p.label;
  if (p.kind === 'frame') return p.label.length > 14 ? p.label.slice(0, 13) + '…' : p.label;
  if (p.kind === 'chunk') return 'data:';
  if (p.kind === 'handshake') return 'GET Upgrade';
  const [method, path = ''] = p.label.split(' ');
  const last = path.split('/').filter(Boolean).slice(-2).join('/');
  return `${method} /${last}`;
}

/** The shortest label, for a crowded wire: the method or the status alone. */
export function packetShortText(p: PacketEvent): string {
  if (p.kind === 'response') return p.status ? String(p.status) : '…';
  if (p.kind === 'frame') return 'WS';
  if (p.kind === 'chunk') return 'SSE';
  if (p.kind === 'handshake') return 'UPG';
  return p.label.split(' ')[0];
}

export const toNumber = (css: string): number => parseInt(css.slice(1), 16);
