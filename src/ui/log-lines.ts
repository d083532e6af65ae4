import { formatClock, formatDuration } from '../sim/format.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { bodyInWords } from './message-words.ts';

/** The text log's wording: one line per trace event, saying what the stage shows. */
export interface LogContext {
  name(actor: string): string;
  /** When world event `id` happened, if it did. */
  happenedAt(id: number): number | undefined;
}

const outcomeNote: Record<string, string> = {
  lost: ' (lost on the way)',
  unchanged: ' (nothing new)',
  refused: ' (refused)',
  'rate-limited': ' (too many requests)',
  error: ' (error)',
  failed: ' (failed)',
};

export function logLine(e: TraceEvent, ctx: LogContext): { time: string; text: string; kind: string } {
  const time = formatClock(e.t);
  if (e.type === 'packet') {
    const route = `${ctx.name(e.from)} → ${ctx.name(e.to)}`;
    const note = outcomeNote[e.outcome] ?? '';
    const what =
      e.kind === 'webhook'
        ? `webhook ${e.label}${(e.attempt ?? 1) > 1 ? `, attempt ${e.attempt}` : ''}`
        : e.kind === 'handshake'
          ? `opens a WebSocket: ${e.label}`
          : e.kind === 'frame'
            ? `WebSocket frame: ${bodyInWords(e.wire?.body, 70) || e.label}`
            : e.kind === 'chunk'
              ? `event streamed: ${bodyInWords(e.wire?.body, 70) || 'data'}`
              : e.label;
    return { time, text: `${route}: ${what}${note}`, kind: e.outcome === 'ok' ? e.kind : e.outcome };
  }
  switch (e.kind) {
    case 'world':
      // Change 0 is not a change: it is what your app needs from the start.
      if (e.eventId === 0) return { time, text: `${ctx.name(e.actor)} opens. ${e.label}`, kind: 'world' };
      return { time, text: `Changed at ${ctx.name(e.actor)}: ${e.label}`, kind: 'world' };
    case 'known': {
      const at = e.eventId === undefined ? undefined : ctx.happenedAt(e.eventId);
      const delay = at === undefined ? '' : ` (${formatDuration(e.t - at)} after it happened)`;
      const hidden = e.displayed === false ? ' (recorded, not shown: a newer one is on screen)' : '';
      return { time, text: `${ctx.name(e.actor)} now knows: ${e.label}${delay}${hidden}`, kind: 'known' };
    }
    case 'open':
    case 'close':
      return { time, text: `${ctx.name(e.actor)}: ${e.label}`, kind: e.kind };
    case 'act':
      return { time, text: e.label, kind: 'act' };
    case 'endpoint':
      return { time, text: `${ctx.name(e.actor)}: ${e.label}`, kind: 'endpoint' };
    case 'defence':
      return { time, text: `${ctx.name(e.actor)}, defence: ${e.label}`, kind: 'defence' };
    default:
      return { time, text: `${ctx.name(e.actor)}: ${e.label}`, kind: 'note' };
  }
}
