import { clientsOf, type Level } from '../content/schema.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { formatBytes, formatNumber } from '../sim/format.ts';
import { h } from './dom.ts';
import { say } from '../content/present.ts';
import { words } from '../content/text/index.ts';

/** A rate as measured: whole above 100, else two significant digits (0.067, not 0.1, so that the scaled figure beside it adds up). */
export const round = (n: number) => (n >= 100 ? formatNumber(Math.round(n)) : formatNumber(n, { maximumSignificantDigits: 2 }));

/** How a level's few simulated clients stand for its audience: how many of each, and the factor between; none where every client is simulated. */
export function scaleOf(level: Level): { clients: number; audience: number; factor: number } | undefined {
  const audience = level.audience;
  if (!audience) return undefined;
  const clients = clientsOf(level).length;
  return { clients, audience, factor: audience / clients };
}

/** The server's busiest moments in a run, as measured: requests and reconnections in its busiest second, connections held at once. */
export const peaksOf = (result: RunResult): Array<[string, number]> => [
  [words().ui.busiestRequests, result.metrics.peakRequestsPerSecond],
  [words().ui.busiestReconnects, result.metrics.peakReconnectsPerSecond],
  [words().ui.heldAtOnce, result.metrics.peakConnections],
];

/**
 * Where a level's few simulated clients stand for a crowd: the server's load per second as measured
 * with them, and the same scaled to the whole audience, labelled as extrapolated.
 */
export function audienceScale(level: Level, result: RunResult): HTMLElement | false {
  const scale = scaleOf(level);
  if (!scale) return false;
  const { clients, audience, factor } = scale;
  const seconds = result.metrics.durationMs / 1000;
  const rows: Array<[string, number, (n: number) => string]> = [
    [words().ui.perSecondRequests, result.metrics.requests / seconds, round],
    [words().ui.perSecondMessages, result.metrics.messages / seconds, round],
    [words().ui.perSecondBytes, result.metrics.bytes / seconds, (n) => formatBytes(Math.round(n))],
    ...peaksOf(result).map(([label, value]): [string, number, (n: number) => string] => [label, value, round]),
    [words().ui.busiestPushes, result.metrics.peakPushesPerSecond, round],
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
        say(words().ui.scaleCaption, {
          clients,
          audience: formatNumber(audience),
          factor: formatNumber(factor, { maximumFractionDigits: factor < 10 ? 1 : 0 }),
        }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, words().ui.atServer),
          h('th', { scope: 'col' }, say(words().ui.measuredCol, { clients })),
          h('th', { scope: 'col' }, say(words().ui.extrapolatedCol, { audience: formatNumber(audience) })),
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
