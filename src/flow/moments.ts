import { words } from '../content/text/index.ts';
import { actionFaults, type ActionFault } from '../sim/metrics.ts';
import type { PacketEvent, TraceEvent } from '../sim/trace.ts';
import { traceWords } from '../content/trace-words.ts';

/**
 * The moments of a run that decide its verdict: a change happens, your app learns it, a delivery
 * fails, a request is refused or rate-limited, a bid is turned down, a message is lost, a defence of
 * your app catches something (a retried delivery ignored, a forged one refused), your app acts wrongly
 * (twice on one change, on a change that never happened, on an older state after a newer one). Playback
 * slows down at each, the stage calls it out where it happens, and the timeline marks it.
 */
export type MomentKind = 'change' | 'learned' | 'lost' | 'refused' | 'rate-limited' | 'turned-down' | 'failed' | 'caught' | 'misstep';

export interface Moment {
  /** Virtual time it happens. */
  t: number;
  kind: MomentKind;
  /** The actor it happens at: where the stage calls it out. */
  actor: string;
  /** What the trace says of it: the change, what was learned, the message concerned. */
  label: string;
  /** The trace event it comes from. */
  seq: number;
  /** For a change: no client ever learned it before the run ended. */
  neverLearned?: boolean;
}

/** What a misstep moment says, by what was wrong with the action: the words of the metric that counts it. */
const misstepWords = (): Record<ActionFault, string> => ({
  never: words().metrics.falseActions,
  again: words().metrics.duplicateActions,
  older: words().metrics.staleShown,
});

/** Where on its way a lost packet is gone: the stage fades it out by then. */
export const LOST_AT = 0.7;

export const lostAt = (p: PacketEvent): number => p.t + (p.arriveAt - p.t) * LOST_AT;

function packetMoment(p: PacketEvent): Moment | undefined {
  const base = { seq: p.seq, label: p.label };
  switch (p.outcome) {
    case 'lost':
      return { ...base, t: lostAt(p), kind: 'lost', actor: p.from };
    case 'refused':
      return { ...base, t: p.arriveAt, kind: 'refused', actor: p.kind === 'response' ? p.to : p.from };
    case 'rate-limited':
      return { ...base, t: p.arriveAt, kind: 'rate-limited', actor: p.to };
    case 'failed':
      return { ...base, t: p.arriveAt, kind: 'failed', actor: p.kind === 'response' ? p.to : p.from };
    case 'error':
      return { ...base, t: p.arriveAt, kind: p.status === 409 ? 'turned-down' : 'failed', actor: p.to };
    default:
      return undefined;
  }
}

/** The run's moments up to `endMs`, in time order (ties in trace order). */
export function findMoments(events: readonly TraceEvent[], endMs: number): Moment[] {
  const learned = new Set<number>();
  for (const e of events) if (e.type === 'mark' && e.kind === 'known' && e.eventId !== undefined && e.t <= endMs) learned.add(e.eventId);
  const faults = actionFaults(events);
  const moments: Moment[] = [];
  for (const e of events) {
    if (e.type === 'packet') {
      const m = packetMoment(e);
      if (m && m.t <= endMs) moments.push(m);
      continue;
    }
    if (e.t > endMs) continue;
    if (e.kind === 'defence') moments.push({ t: e.t, kind: 'caught', actor: e.actor, label: traceWords(e.label), seq: e.seq });
    // A delivery the sender counted as failed (no answer in time): no message of it failed on the wire.
    if (e.kind === 'note' && e.outcome === 'failed') moments.push({ t: e.t, kind: 'failed', actor: e.actor, label: traceWords(e.label), seq: e.seq });
    const wrong = faults.get(e.seq);
    if (wrong) moments.push({ t: e.t, kind: 'misstep', actor: e.actor, label: misstepWords()[wrong[0]], seq: e.seq });
    if (e.eventId === undefined) continue;
    // Change 0 is what the app needs from the start, not a change.
    if (e.kind === 'world' && e.eventId > 0) {
      moments.push({ t: e.t, kind: 'change', actor: e.actor, label: traceWords(e.label), seq: e.seq, neverLearned: !learned.has(e.eventId) || undefined });
    }
    if (e.kind === 'known') moments.push({ t: e.t, kind: 'learned', actor: e.actor, label: traceWords(e.label), seq: e.seq });
  }
  return moments.sort((a, b) => a.t - b.t || a.seq - b.seq);
}
