import { bestFit, type BestFit } from '../content/best-fit.ts';
import { fitMeasured, fitVerdict, formatMetric, listWords, say } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import { words as gameWords } from '../content/text/index.ts';
import type { RunResult } from '../flow/run-protocol.ts';
import { formatDuration, formatNumber } from '../sim/format.ts';
import { h } from './dom.ts';

/**
 * What the playground's runs of a world say, in words: which patterns met every goal and which fits best, and why
 * where the world decides it. Every number is one the runs measured.
 */

// Read when the playground's chunk loads, after the game's language is set.
const words = gameWords().playground;

/** Of patterns that fit equally, those that held a connection open to learn what the others learned holding none, with how long. */
function heldInTie(fit: BestFit, runs: RunResult[]): string {
  if (!fit.tie) return '';
  const held = fit.best.map((f) => runs.find((r) => r.pattern === f.pattern && r.verdict.passed)!).filter((r) => r.metrics.connectionMs > 0);
  if (held.length === 0 || held.length === fit.best.length) return '';
  const none = fit.best.filter((f) => !held.some((r) => r.pattern === f.pattern)).map((f) => gameWords().patterns[f.pattern]);
  const times = held.map((r) => `${gameWords().patterns[r.pattern]} (${formatMetric('connectionMs', r.metrics.connectionMs)})`);
  return ` ${say(words.heldInTie, { held: listWords(times), none: listWords(none) })}`;
}

/** Which patterns met every goal, and which of them fits best by the world's measurement (bytes on the wire). */
export function fitLine(level: Level, runs: RunResult[]): HTMLElement {
  const passed = runs.filter((r) => r.verdict.passed).map((r) => gameWords().patterns[r.pattern]);
  if (passed.length === 0) return h('p', { class: 'pg-fit' }, words.noneFits);
  const fit = bestFit(level, runs);
  const head = words.fits.replace('{patterns}', listWords(passed));
  if (!fit) return h('p', { class: 'pg-fit' }, head);
  const verdict = fitVerdict(fit);
  const measured = fitMeasured(fit);
  return h(
    'p',
    { class: 'pg-fit' },
    `${head} `,
    h('strong', {}, verdict),
    ` ${words.fitBy.replace('{metric}', gameWords().metrics[fit.metric]).replace('{measured}', measured)}`,
    heldInTie(fit, runs),
  );
}

/**
 * Why the runs came out as they did where the world decides it, in what they measured: a script learns only while it
 * runs (and holds a connection only then), and a webhook finds nothing listening at an app with no public address.
 */
export function whyNotes(level: Level, runs: RunResult[]): HTMLElement[] {
  const notes: string[] = [];
  const you = level.actors.find((a) => a.id === level.you);
  if (you?.runs) {
    const { everyMs, forMs, startMs = 0 } = you.runs;
    notes.push(say(words.scriptNote, { every: formatDuration(everyMs), for: formatDuration(forMs) }));
    const held = runs.find((r) => r.metrics.connectionMs > 0);
    if (held) {
      const count = Math.floor((level.world.durationMs - startMs) / everyMs) + 1;
      notes.push(
        say(words.scriptHeld, {
          pattern: gameWords().patterns[held.pattern],
          held: formatMetric('connectionMs', held.metrics.connectionMs),
          runs: String(count),
        }),
      );
    }
  }
  const hook = runs.find((r) => r.pattern === 'webhook');
  if (hook && you?.reachable === false) {
    const m = hook.metrics;
    const counts = { failed: m.failedDeliveries, deliveries: m.deliveries, lost: m.lostEvents, events: m.events };
    notes.push(
      `${words.unreachable[you.runs ? 'script' : 'browsers']} ${say(words.refused, Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, formatNumber(v)])))}`,
    );
  }
  return notes.map((note) => h('p', { class: 'pg-why' }, note));
}
