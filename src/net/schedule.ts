import type { ActorSpec, Level } from '../content/schema.ts';
import type { Random } from '../sim/random.ts';

/**
 * What will happen in a run, drawn once from the seed: when the source's data changes (and to what),
 * when the people at your clients act, and when an app that runs now and then is running. Pure: no
 * network, no clock, so it is tested on its own (tests/unit/schedule.test.ts).
 */

export interface Change {
  atMs: number;
  /** The words of the status it changes to (a level's statuses are keys; these are the words of the language asked for). */
  status: string;
  resource: number;
}

export interface Act {
  atMs: number;
  client: string;
}

/** The words of each status, in the order of `world.statuses`. */
export function statusWords(level: Level, lang = 'en'): string[] {
  const text = level.text[lang] ?? level.text.en;
  return level.world.statuses.map((key) => text.statuses[key] ?? level.text.en.statuses[key]);
}

/** The k-th status a change takes when none is given: the statuses after the first, in turn. */
export function nthStatus(words: string[], k: number): string {
  const cycle = Math.max(1, words.length - 1);
  return words[(k % cycle) + 1] ?? words[0];
}

/** The changes a run will see, in time order. */
export function drawChanges(level: Level, random: Random, resources = level.source.resources ?? 1, lang = 'en'): Change[] {
  const { world } = level;
  const words = statusWords(level, lang);
  if (world.updateEveryMs) {
    const out: Change[] = [];
    for (let k = 0, at = world.updateEveryMs; at < world.durationMs; k++, at += world.updateEveryMs) {
      out.push({ atMs: at, status: nthStatus(words, k), resource: k % resources });
    }
    return out;
  }
  if (world.randomUpdates) {
    const { count, fromMs, toMs } = world.randomUpdates;
    const times = Array.from({ length: count }, () => Math.round(random.between(fromMs, toMs))).sort((a, b) => a - b);
    return times.map((atMs, k) => ({ atMs, status: nthStatus(words, k), resource: Math.floor(random.next() * resources) }));
  }
  return [...world.updates]
    .sort((a, b) => a.atMs - b.atMs)
    .map((u) => ({ atMs: u.atMs, status: words[world.statuses.indexOf(u.status)], resource: u.resource ?? 0 }));
}

/** When the users at your clients act, and at which client (drawn from `random`, its own fork). */
export function drawActs(level: Level, random: Random, clients: string[]): Act[] {
  const actions = level.world.actions;
  if (!actions) return [];
  const times = Array.from({ length: actions.count }, () => Math.round(random.between(actions.fromMs, actions.toMs))).sort((a, b) => a - b);
  return times.map((atMs) => ({ atMs, client: clients[Math.floor(random.next() * clients.length)] }));
}

/** Is an app running at time t? A script that runs now and then is not, in between. */
export function running(actor: ActorSpec, t: number): boolean {
  if (!actor.runs) return true;
  const since = t - (actor.runs.startMs ?? 0);
  return since >= 0 && since % actor.runs.everyMs < actor.runs.forMs;
}
