import { clientsOf, type Level } from '../content/schema.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { formatBytes } from '../sim/format.ts';
import { h } from './dom.ts';

/** A rate as measured: whole above 100, else two significant digits (0.067, not 0.1, so that the scaled figure beside it adds up). */
const round = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toLocaleString('en', { maximumSignificantDigits: 2 }));

/**
 * Where a level's few simulated clients stand for a crowd: the server's load per second as measured
 * with them, and the same scaled to the whole audience, labelled as extrapolated.
 */
export function audienceScale(level: Level, result: RunResult): HTMLElement | false {
  const audience = level.audience;
  if (!audience) return false;
  const clients = clientsOf(level).length;
  const factor = audience / clients;
  const seconds = result.metrics.durationMs / 1000;
  const rows: Array<[string, number, (n: number) => string]> = [
    ['Requests a second', result.metrics.requests / seconds, round],
    ['Messages a second, both ways', result.metrics.messages / seconds, round],
    ['Bytes a second', result.metrics.bytes / seconds, (n) => formatBytes(Math.round(n))],
    ['Requests in the busiest second', result.metrics.peakRequestsPerSecond, round],
    ['Reconnections in the busiest second', result.metrics.peakReconnectsPerSecond, round],
    ['Connections held open at once', result.metrics.peakConnections, round],
    ['Pushes sent in the busiest second (fan-out)', result.metrics.peakPushesPerSecond, round],
  ];
  return h(
    'div',
    { class: 'scale' },
    h(
      'table',
      {},
      h(
        'caption',
        {},
        `Measured with the ${clients} simulated clients; extrapolated to ${audience.toLocaleString('en')} (× ${factor.toLocaleString('en')}), not simulated.`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'At the server'),
          h('th', { scope: 'col' }, `Measured (${clients})`),
          h('th', { scope: 'col' }, `Extrapolated (${audience.toLocaleString('en')})`),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map(([label, value, format]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, format(value)), h('td', {}, format(value * factor)))),
      ),
    ),
  );
}
