import { levelText } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { h } from './dom.ts';
import { logLine, type LogContext } from './log-lines.ts';

const MAX_LINES = 300;

/** The live text log: every message and change, in the order the stage shows them. */
export class LogView {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private read = 0;
  private readonly happened = new Map<number, number>();
  private readonly ctx: LogContext;
  private readonly trimmed: HTMLElement;

  constructor(level: Level) {
    const text = levelText(level);
    this.ctx = { name: (id) => text.actors[id] ?? id, happenedAt: (id) => this.happened.get(id) };
    this.list = h('ol', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Message log', class: 'log-lines' });
    this.trimmed = h('p', { class: 'log-trimmed', hidden: true });
    this.el = h('section', { class: 'log', 'aria-labelledby': 'log-heading' }, h('h2', { id: 'log-heading' }, 'Message log'), this.trimmed, this.list);
  }

  reset(): void {
    this.read = 0;
    this.happened.clear();
    this.list.replaceChildren();
    this.trimmed.hidden = true;
  }

  update(events: readonly TraceEvent[]): void {
    if (this.read >= events.length) return;
    const fragment = document.createDocumentFragment();
    for (; this.read < events.length; this.read++) {
      const e = events[this.read];
      if (e.type === 'mark' && e.kind === 'world' && e.eventId !== undefined) this.happened.set(e.eventId, e.t);
      const line = logLine(e, this.ctx);
      fragment.append(h('li', { class: `log-${line.kind}` }, h('time', {}, line.time), ' ', line.text));
    }
    this.list.append(fragment);
    while (this.list.childElementCount > MAX_LINES) this.list.firstElementChild!.remove();
    if (this.read > MAX_LINES) {
      this.trimmed.hidden = false;
      this.trimmed.textContent = `Showing the last ${MAX_LINES} of ${this.read.toLocaleString('en')} lines.`;
    }
    this.list.scrollTop = this.list.scrollHeight;
  }
}
