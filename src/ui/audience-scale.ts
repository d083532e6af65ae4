import { clientsOf, type Level } from '../content/schema.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { formatBytes, formatNumber } from '../sim/format.ts';
import { h } from './dom.ts';
import { say } from '../content/present.ts';
import { words } from '../content/text/index.ts';

/** A rate as measured: whole above 100, else two significant digits (0.067, not 0.1, so that the scaled figure beside it adds up). */
const round = (n: number) => (n >= 100 ? formatNumber(Math.round(n)) : formatNumber(n, { maximumSignificantDigits: 2 }));

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
    [words().ui.perSecondRequests, result.metrics.requests / seconds, round],
    [words().ui.perSecondMessages, result.metrics.messages / seconds, round],
    [words().ui.perSecondBytes, result.metrics.bytes / seconds, (n) => formatBytes(Math.round(n))],
    [words().ui.busiestRequests, result.metrics.peakRequestsPerSecond, round],
    [words().ui.busiestReconnects, result.metrics.peakReconnectsPerSecond, round],
    [words().ui.heldAtOnce, result.metrics.peakConnections, round],
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
