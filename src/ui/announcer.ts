import { words } from '../content/text/index.ts';
import type { MomentKind } from '../flow/moments.ts';
import type { PacedMoment } from '../flow/pacing.ts';
import type { RunView } from '../flow/run-view.ts';
import { formatClock, formatDuration, formatNumber } from '../sim/format.ts';
import type { TraceEvent } from '../sim/trace.ts';

/**
 * What a screen reader hears while a run plays: not one announcement per message (a run sends many a
 * second), but a summary at a pace a person can follow. The decisive moments (./../flow/moments.ts) as the
 * playback passes them, at most one announcement every GAP_MS (two moments said, the rest counted), and
 * when nothing decisive happened, the count of messages and changes learned every COUNT_EVERY_MS. Paused,
 * a step or a move of the timeline is said as the log's newest line, once the player stops moving it.
 * It also writes the stage's text equivalent (the stage is a canvas): at each moment (at most four times a
 * second), and at most once a second between.
 */

export const GAP_MS = 2500;
export const COUNT_EVERY_MS = 6000;
/** How long after the last step or seek, paused, the line at the playhead is said. */
export const SETTLE_MS = 400;
const DESCRIBE_EVERY_MS = 1000;
/** A run with a moment every frame (many losses) still counts its trace at most four times a second. */
const MOMENT_DESCRIBE_MS = 250;

const momentWords = (): Record<MomentKind, string> => words().a11y.moments;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

export const messagesWords = (count: number) => fill(words().a11y.messages[count === 1 ? 0 : 1], { count: formatNumber(count) });

/** A moment in words: "Changed at Carrier: out for delivery". */
export function momentText(m: PacedMoment, name: (actor: string) => string): string {
  return fill(momentWords()[m.kind], { actor: name(m.actor), label: m.label });
}

export interface Tally {
  /** Messages sent by the playhead. */
  messages: number;
  /** Of those, still on their way. */
  inFlight: number;
  /** Changes in the world by the playhead (not the data needed at the start). */
  changes: number;
  /** Of those, learned by every client. */
  known: number;
}

/** The run's counts at the playhead: the first `shown` events, at virtual time `now`. */
export function tally(events: readonly TraceEvent[], shown: number, now: number, clients: number): Tally {
  const t: Tally = { messages: 0, inFlight: 0, changes: 0, known: 0 };
  const knownBy = new Map<number, Set<string>>();
  for (let i = 0; i < shown && i < events.length; i++) {
    const e = events[i];
    if (e.type === 'packet') {
      t.messages++;
      if (e.arriveAt > now) t.inFlight++;
    } else if (e.eventId !== undefined && e.eventId > 0) {
      if (e.kind === 'world') t.changes++;
      else if (e.kind === 'known') knownBy.set(e.eventId, (knownBy.get(e.eventId) ?? new Set()).add(e.actor));
    }
  }
  for (const actors of knownBy.values()) if (actors.size >= clients) t.known++;
  return t;
}

export interface AnnouncerOptions {
  view: RunView;
  clients: number;
  /** The level's title and its actors, for the stage's description. */
  title: string;
  actors: string;
  name(actor: string): string;
  /** The log's line for event `i` of the run. */
  line(i: number): string;
  /** Say this (the polite live region). */
  say(text: string): void;
  /** The stage's text equivalent changed. */
  describe(text: string): void;
  /** Real time in ms (performance.now in the page; a test drives it). */
  clock(): number;
}

export class Announcer {
  private next = 0;
  private pending: PacedMoment[] = [];
  private lastNow = 0;
  private lastSaid = -Infinity;
  private lastCount = -Infinity;
  private countedShown = -1;
  private lastShown = 0;
  private movedAt: number | undefined;
  private lastDescribed = -Infinity;
  private describedShown = -1;
  private lastMoment: PacedMoment | undefined;

  constructor(private readonly o: AnnouncerOptions) {
    o.describe(fill(words().a11y.stageAtRest, { title: o.title, actors: o.actors }));
  }

  /** Called every frame while the run is on screen. */
  tick(paused: boolean): void {
    const { view } = this.o;
    const moments = view.pacing.moments;
    const now = view.now();
    const shown = view.shown();
    const real = this.o.clock();
    // The first count comes COUNT_EVERY_MS after the run starts, not at once.
    if (this.lastCount === -Infinity) this.lastCount = real;
    if (now < this.lastNow) {
      // The playhead went back: what it passed again is not news.
      this.next = moments.findIndex((m) => m.t > now);
      if (this.next < 0) this.next = moments.length;
      this.pending = [];
      this.lastMoment = moments[this.next - 1];
    }
    this.lastNow = now;
    let passed = false;
    while (this.next < moments.length && moments[this.next].t <= now) {
      this.pending.push(moments[this.next]);
      this.lastMoment = moments[this.next++];
      passed = true;
    }
    if (paused) this.whilePaused(shown, real);
    else this.whilePlaying(shown, now, real);
    this.lastShown = shown;
    if ((passed && real - this.lastDescribed >= MOMENT_DESCRIBE_MS) || (shown !== this.describedShown && real - this.lastDescribed >= DESCRIBE_EVERY_MS)) {
      this.lastDescribed = real;
      this.describedShown = shown;
      this.o.describe(this.description(shown, now));
    }
  }

  private whilePlaying(shown: number, now: number, real: number): void {
    this.movedAt = undefined;
    if (real - this.lastSaid < GAP_MS) return;
    if (this.pending.length > 0) {
      const said = this.pending.slice(0, 2).map((m) => momentText(m, this.o.name));
      const more = this.pending.length - said.length;
      this.pending = [];
      this.speak(`${formatClock(now)}: ${said.join('. ')}${more > 0 ? `, ${fill(words().a11y.moreMoments, { count: more })}` : ''}.`, real);
      return;
    }
    if (shown !== this.countedShown && real - this.lastCount >= COUNT_EVERY_MS) {
      const t = tally(this.o.view.events, shown, now, this.o.clients);
      const values = { clock: formatClock(now), messages: messagesWords(t.messages), known: t.known, changes: t.changes };
      this.countedShown = shown;
      this.speak(fill(t.changes > 0 ? words().a11y.count : words().a11y.countNoChanges, values), real);
    }
  }

  /** Paused: a step or a seek is said once the playhead has settled, as the log's newest line and any moment passed. */
  private whilePaused(shown: number, real: number): void {
    if (shown !== this.lastShown) this.movedAt = real;
    if (this.movedAt === undefined || real - this.movedAt < SETTLE_MS) return;
    this.movedAt = undefined;
    const moments = this.pending.map((m) => momentText(m, this.o.name));
    this.pending = [];
    const line = shown > 0 ? this.o.line(shown - 1) : '';
    const text = [line, ...moments].filter(Boolean).join('. ');
    if (text) this.speak(fill(words().a11y.stepped, { clock: formatClock(this.o.view.now()), line: text }), real);
  }

  private speak(text: string, real: number): void {
    this.lastSaid = real;
    this.lastCount = real;
    this.o.say(text);
  }

  private description(shown: number, now: number): string {
    const t = tally(this.o.view.events, shown, now, this.o.clients);
    const text = fill(words().a11y.stageRun, {
      title: this.o.title,
      actors: this.o.actors,
      clock: formatDuration(now),
      end: formatDuration(this.o.view.endMs),
      messages: messagesWords(t.messages),
      inFlight: t.inFlight,
      known: t.known,
      changes: t.changes,
    });
    return this.lastMoment ? `${text} ${fill(words().a11y.stageLast, { moment: momentText(this.lastMoment, this.o.name) })}` : text;
  }
}
