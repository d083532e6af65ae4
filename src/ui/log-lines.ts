import { formatClock, formatDuration } from '../sim/format.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { bodyInWords } from './message-words.ts';
import { say } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import { traceWords } from '../content/trace-words.ts';

/** The text log's wording: one line per trace event, saying what the stage shows. */
export interface LogContext {
  name(actor: string): string;
  /** When world event `id` happened, if it did. */
  happenedAt(id: number): number | undefined;
}

const outcomeNote = (): Record<string, string> => words().ui.logOutcomes;

export function logLine(e: TraceEvent, ctx: LogContext): { time: string; text: string; kind: string } {
  const time = formatClock(e.t);
  if (e.type === 'packet') {
    const route = `${ctx.name(e.from)} → ${ctx.name(e.to)}`;
    const note = outcomeNote()[e.outcome] ?? '';
    const what =
      e.kind === 'webhook'
        ? say(words().ui.logWebhook, { label: e.label }) + ((e.attempt ?? 1) > 1 ? say(words().ui.attempt, { n: e.attempt ?? 1 }) : '')
        : e.kind === 'handshake'
          ? say(words().ui.logOpensSocket, { label: e.label })
          : e.kind === 'frame'
            ? say(words().ui.logFrame, { body: bodyInWords(e.wire?.body, 70) || e.label })
            : e.kind === 'chunk'
              ? say(words().ui.logStreamed, { body: bodyInWords(e.wire?.body, 70) || 'data' })
              : e.label;
    return { time, text: `${route}: ${what}${note}`, kind: e.outcome === 'ok' ? e.kind : e.outcome };
  }
  switch (e.kind) {
    case 'world':
      // Change 0 is not a change: it is what your app needs from the start.
      if (e.eventId === 0) return { time, text: say(words().ui.logOpens, { actor: ctx.name(e.actor), label: traceWords(e.label) }), kind: 'world' };
      return { time, text: say(words().a11y.moments.change, { actor: ctx.name(e.actor), label: traceWords(e.label) }), kind: 'world' };
    case 'known': {
      const at = e.eventId === undefined ? undefined : ctx.happenedAt(e.eventId);
      const delay = at === undefined ? '' : say(words().ui.logAfter, { delay: formatDuration(e.t - at) });
      const hidden = e.displayed === false ? words().ui.logHidden : '';
      return { time, text: say(words().a11y.moments.learned, { actor: ctx.name(e.actor), label: traceWords(e.label) }) + delay + hidden, kind: 'known' };
    }
    case 'open':
    case 'close':
      return { time, text: `${ctx.name(e.actor)}: ${traceWords(e.label)}`, kind: e.kind };
    case 'act':
      return { time, text: traceWords(e.label), kind: 'act' };
    case 'endpoint':
      return { time, text: `${ctx.name(e.actor)}: ${traceWords(e.label)}`, kind: 'endpoint' };
    case 'defence':
      return { time, text: say(words().ui.logDefence, { actor: ctx.name(e.actor), label: traceWords(e.label) }), kind: 'defence' };
    default:
      return { time, text: `${ctx.name(e.actor)}: ${traceWords(e.label)}`, kind: 'note' };
  }
}
