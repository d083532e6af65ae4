import { levelText, say } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import type { Level } from '../content/schema.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { h } from './dom.ts';
import { logLine, type LogContext } from './log-lines.ts';
import { formatNumber } from '../sim/format.ts';

const MAX_LINES = 300;

/**
 * The text log: every message and change up to the playhead, in the order the stage shows them.
 * When the playhead goes back, the lines after it go. It follows the newest line by scrolling; with
 * reduced motion nothing scrolls by itself, and the newest line is written at the top instead.
 * A message's line can be picked (clicked, or with the arrow keys once the log has focus) to see it
 * in the message inspector.
 */
export class LogView {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly box: HTMLElement;
  private read = 0;
  private readonly happened = new Map<number, number>();
  private readonly ctx: LogContext;
  private readonly trimmed: HTMLElement;
  private selected: number | undefined;

  constructor(
    level: Level,
    private readonly newestFirst = false,
    private readonly pick: (seq: number) => void = () => {},
  ) {
    const text = levelText(level);
    this.ctx = { name: (id) => text.actors[id] ?? id, happenedAt: (id) => this.happened.get(id) };
    // The log is a scrolling box (role log, focusable for the arrow keys) holding a plain list, so that its
    // lines stay list items. It is not a live region: a run writes many lines a second, and a screen reader
    // hears the run's summary from the announcer (./announcer.ts) instead.
    // data-empty: shown by the style sheet while no line is there yet, in the player's language.
    this.list = h('ol', { class: 'log-list', reversed: newestFirst, 'data-empty': words().ui.logEmpty });
    this.box = h(
      'div',
      {
        role: 'log',
        'aria-live': 'off',
        'aria-label': words().a11y.logName,
        'aria-description': words().a11y.logHelp,
        class: 'log-lines',
        tabindex: 0,
        onkeydown: (e: Event) => this.key(e as KeyboardEvent),
        onclick: (e: Event) => {
          const line = (e.target as Element).closest<HTMLElement>('li[data-seq]');
          if (line) this.choose(Number(line.dataset.seq));
        },
      },
      this.list,
    );
    this.trimmed = h('p', { class: 'log-trimmed', hidden: true });
    this.el = h('section', { class: 'log', 'aria-labelledby': 'log-heading' }, h('h2', { id: 'log-heading' }, words().a11y.logName), this.trimmed, this.box);
  }

  reset(): void {
    this.read = 0;
    this.happened.clear();
    this.list.replaceChildren();
    this.trimmed.hidden = true;
  }

  /** Show the first `count` of `events` (those that happened by the playhead). */
  show(events: readonly TraceEvent[], count: number): void {
    if (count === this.read) return;
    if (count < this.read || count - this.read > MAX_LINES) {
      this.reset();
      for (let i = 0; i < count; i++) this.remember(events[i]);
      this.read = Math.max(0, count - MAX_LINES);
    }
    const fragment = document.createDocumentFragment();
    const lines: HTMLElement[] = [];
    for (; this.read < count; this.read++) {
      const e = events[this.read];
      this.remember(e);
      const line = logLine(e, this.ctx);
      const packet = e.type === 'packet';
      const selected = packet && e.seq === this.selected;
      lines.push(
        h(
          'li',
          {
            class: `log-${line.kind}${packet ? ' pickable' : ''}${selected ? ' selected' : ''}`,
            'data-seq': packet ? e.seq : undefined,
            'aria-current': selected ? 'true' : undefined,
          },
          h('time', {}, line.time),
          ' ',
          line.text,
        ),
      );
    }
    if (this.newestFirst) {
      fragment.append(...lines.reverse());
      this.list.prepend(fragment);
      while (this.list.childElementCount > MAX_LINES) this.list.lastElementChild!.remove();
    } else {
      fragment.append(...lines);
      this.list.append(fragment);
      while (this.list.childElementCount > MAX_LINES) this.list.firstElementChild!.remove();
      this.box.scrollTop = this.box.scrollHeight;
    }
    this.trimmed.hidden = count <= MAX_LINES;
    if (count > MAX_LINES) this.trimmed.textContent = say(words().ui.logTrimmed, { shown: formatNumber(MAX_LINES), count: formatNumber(count) });
  }

  /** The words of an event's line, as the log writes it (for the announcer). */
  lineText(e: TraceEvent): string {
    return logLine(e, this.ctx).text;
  }

  /** Mark the line of message `seq` as the one inspected (none: no line). */
  select(seq: number | undefined): void {
    this.selected = seq;
    for (const line of this.list.querySelectorAll<HTMLElement>('li.selected')) {
      line.classList.remove('selected');
      line.removeAttribute('aria-current');
    }
    const line = seq === undefined ? null : this.list.querySelector<HTMLElement>(`li[data-seq="${seq}"]`);
    if (!line) return;
    line.classList.add('selected');
    line.setAttribute('aria-current', 'true');
    line.scrollIntoView({ block: 'nearest' });
  }

  private choose(seq: number): void {
    this.select(seq);
    this.pick(seq);
  }

  private key(e: KeyboardEvent): void {
    const lines = [...this.list.querySelectorAll<HTMLElement>('li[data-seq]')];
    if (lines.length === 0) return;
    const at = lines.findIndex((l) => Number(l.dataset.seq) === this.selected);
    const moves: Record<string, number> = {
      ArrowDown: at < 0 ? 0 : Math.min(lines.length - 1, at + 1),
      ArrowUp: at < 0 ? lines.length - 1 : Math.max(0, at - 1),
      Home: 0,
      End: lines.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    this.choose(Number(lines[moves[e.key]].dataset.seq));
  }

  private remember(e: TraceEvent): void {
    if (e.type === 'mark' && e.kind === 'world' && e.eventId !== undefined) this.happened.set(e.eventId, e.t);
  }
}
