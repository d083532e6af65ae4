import { formatBytes, formatClock, formatDuration } from '../sim/format.ts';
import type { PacketEvent } from '../sim/trace.ts';
import { fill, h } from './dom.ts';
import { bodyFields, bodyInWords, headerMeaning, headerName } from './message-words.ts';
import { say } from '../content/present.ts';
import { words } from '../content/text/index.ts';

/**
 * The message inspector: one message of the run as it crossed the wire. Its start line, its
 * headers, the ones that matter explained (ETag and If-None-Match, Retry-After, Upgrade and
 * Sec-WebSocket-Accept, the webhook signature headers, Last-Event-ID, an event stream's
 * Content-Type), and its body in words. A message is picked on the stage or in the log.
 */

const kindWords = (): Record<PacketEvent['kind'], string> => words().ui.kinds;

/** What became of it, after "arrived … later" where it arrived. */
const outcomeWords = (): Record<PacketEvent['outcome'], string> => ({ ok: '', ...words().ui.outcomes });

const arrival = (p: PacketEvent) =>
  p.outcome === 'lost' || p.outcome === 'refused'
    ? outcomeWords()[p.outcome]
    : say(words().ui.arrivedLater, { delay: formatDuration(p.arriveAt - p.t) }) + outcomeWords()[p.outcome];

export class Inspector {
  readonly el: HTMLElement;
  private readonly content: HTMLElement;
  private shown: PacketEvent | undefined;

  constructor(private readonly name: (actor: string) => string) {
    this.content = h('div', { class: 'inspector-content', 'aria-live': 'polite' });
    this.el = h(
      'section',
      { class: 'inspector', 'aria-labelledby': 'inspector-heading' },
      h('h2', { id: 'inspector-heading' }, words().ui.inspector),
      this.content,
    );
    this.show(undefined);
  }

  get packet(): PacketEvent | undefined {
    return this.shown;
  }

  show(p: PacketEvent | undefined): void {
    if (p === this.shown && p !== undefined) return;
    this.shown = p;
    if (!p) {
      fill(this.content, h('p', { class: 'hint' }, words().ui.inspectorHelp));
      return;
    }
    const wire = p.wire;
    const title = `${kindWords()[p.kind]}${p.attempt && p.attempt > 1 ? say(words().ui.attempt, { n: p.attempt }) : ''}: ${p.label}`;
    const meanings = (wire?.headers ?? []).flatMap(([name, value]) => {
      const meaning = headerMeaning(name, value);
      return meaning ? [h('dt', {}, headerName(name)), h('dd', {}, meaning)] : [];
    });
    const fields = bodyFields(wire?.body);
    fill(
      this.content,
      h('h3', { class: 'inspected' }, title),
      h(
        'p',
        { class: 'inspected-route' },
        say(words().ui.inspectedRoute, {
          from: this.name(p.from),
          to: this.name(p.to),
          clock: formatClock(p.t),
          arrival: arrival(p),
          size: formatBytes(p.size),
        }),
      ),
      wire
        ? h(
            'pre',
            { class: 'wire', tabindex: 0, role: 'region', 'aria-label': words().ui.asOnWire },
            wire.start ? h('span', { class: 'wire-start' }, wire.start, '\n') : null,
            ...wire.headers.map(([name, value]) =>
              h('span', { class: headerMeaning(name, value) ? 'wire-key' : 'wire-header' }, `${headerName(name)}: ${value}\n`),
            ),
          )
        : h('p', { class: 'hint' }, p.kind === 'frame' ? words().ui.controlFrame : words().ui.nothingCrossed),
      meanings.length ? h('dl', { class: 'meanings' }, ...meanings) : null,
      wire?.body !== undefined && wire.body.trim() !== ''
        ? [
            h('h4', {}, words().ui.whatCarried),
            fields
              ? h('dl', { class: 'body-fields' }, ...fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
              : h('p', { class: 'body-text' }, bodyInWords(wire.body, 400)),
          ]
        : wire
          ? h('p', { class: 'hint' }, p.kind === 'frame' ? words().ui.emptyFrame : words().ui.noBody)
          : null,
    );
  }
}
