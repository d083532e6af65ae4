import { durationSpec, duration } from './duration.ts';
import { formatDuration } from '../sim/format.ts';
import { en, type GameText } from './text/en.ts';
import { language, words, type Language } from './text/index.ts';
import { patternNames, type PatternName, type RuleId } from './patterns.ts';
import { say } from './present.ts';
import { parseLevel, type Level } from './schema.ts';
import { bool, check, doc, literal, num, obj, optional, type Infer, type Problem } from './schema-kit.ts';

/**
 * The playground's world: the learner's own situation in a few choices, turned into a level file (format 2)
 * that runs every pattern that can work in it. The same world always gives the same level, so a link
 * (`?world=`, the world encoded) and the command line (`--world`) reproduce it, and "Save as a level"
 * writes a file that `npm run levels:check` accepts.
 */

/**
 * The bounds of each number in a world, by its path: the schema checks them, and the playground's form says them in
 * the field's own unit when a value falls outside.
 */
export const worldLimits = {
  'changes.everyMs': { min: 100, max: 86_400_000 },
  runsEveryMs: { min: 60_000, max: 7 * 86_400_000 },
  clients: { min: 1, max: 1_000_000 },
  'network.latencyMs': { min: 0, max: 10_000 },
  'network.loss': { min: 0, max: 0.5 },
  'network.idleTimeoutMs': { min: 1000 },
  'goals.freshMs': { min: 100 },
  'goals.maxRequests': { min: 0 },
  'goals.maxConnectionMs': { min: 0 },
} as const satisfies Record<string, { min: number; max?: number }>;
const L = worldLimits;

export const worldSchema = obj({
  side: doc(
    'Who is on the other side: "third-party" (another company\'s API, your app a server with a public address), "own-service" (a service of yours, in your own network), "browsers" (your app runs in users\' browsers: no public address), "script" (your app is a script that runs now and then).',
    literal('third-party', 'own-service', 'browsers', 'script'),
  ),
  changes: doc(
    'How often things change: one every `everyMs`, steadily, at moments drawn from the seed ("random"), or in bursts of five close together.',
    obj({ everyMs: duration(L['changes.everyMs']), rhythm: literal('steady', 'random', 'bursts') }),
  ),
  runsEveryMs: doc(
    'When your app is a script ("script"): how often it runs, for half a minute each time; once a day when left out. Between its runs nothing of it runs: it holds no connection and nothing listens at its address.',
    optional(duration(L.runsEveryMs)),
  ),
  clients: doc(
    'How many clients watch (1 to 1,000,000); a few are simulated and the rest scaled, labelled as extrapolated.',
    num({ ...L.clients, integer: true }),
  ),
  flow: doc('Which way data flows: "down" (changes reach the clients), "up" (users send, as a form does), "both".', literal('down', 'up', 'both')),
  offers: doc(
    'What the source offers besides plain requests: answers to conditional requests, webhooks, WebSocket connections, an event stream (`streams`, for Server-Sent Events) and a request held open until something changes (`longPolling`). A world written before the last two were asked for offered both: left out, they are offered.',
    obj({ conditionalRequests: bool(), webhooks: bool(), websocket: bool(), streams: optional(bool()), longPolling: optional(bool()) }),
  ),
  network: doc(
    'The network: one-way latency, the share of segments lost, and the idle timeout of a proxy on the path.',
    obj({ latencyMs: duration(L['network.latencyMs']), loss: num(L['network.loss']), idleTimeoutMs: optional(duration(L['network.idleTimeoutMs'])) }),
  ),
  prices: doc(
    "The unit prices the playground's cost estimate uses, in US dollars, where the learner changed them (src/content/cost.ts); left out, its stated defaults. They change no run.",
    optional(obj({ perMillionRequests: num({ min: 0 }), perMillionMessages: num({ min: 0 }), perMillionConnectionMinutes: num({ min: 0 }) })),
  ),
  goals: doc(
    'What must hold: how fresh (`freshMs`), how many requests at most, how much connection time at most (summed), and whether no change may be lost.',
    obj({
      freshMs: optional(duration(L['goals.freshMs'])),
      maxRequests: optional(num({ ...L['goals.maxRequests'], integer: true })),
      maxConnectionMs: optional(duration(L['goals.maxConnectionMs'])),
      noLostEvents: bool(),
    }),
  ),
});

export type World = Infer<typeof worldSchema>;

/** The world as its runs see it: its unit prices left out, which change the cost shown and no measurement. */
export const runsOf = (world: World): string => encodeWorld({ ...world, prices: undefined });

/** Where the playground starts: a third party's order status, changing now and then, that one app must know within a minute. */
export const defaultWorld: World = {
  side: 'third-party',
  changes: { everyMs: 10 * 60_000, rhythm: 'random' },
  clients: 1,
  flow: 'down',
  offers: { conditionalRequests: true, webhooks: true, websocket: true, streams: true, longPolling: true },
  network: { latencyMs: 80, loss: 0 },
  goals: { freshMs: 60_000, noLostEvents: true },
};

/** At most this many clients are simulated; more are scaled from them. */
export const SIMULATED_CLIENTS = 6;
/** How often a script runs when the world does not say: once a day (a nightly job). */
export const SCRIPT_EVERY_MS = 86_400_000;
/** How long each run of a script lasts: time for a request or a connection, short against how often it runs. */
const SCRIPT_RUN_MS = 30_000;
/** A run of a script world spans at most two weeks, and at most this many of its runs (each starts its code anew). */
const SCRIPT_SPAN_MS = 14 * 86_400_000;
const SCRIPT_MAX_RUNS = 48;
/** A run covers about this many changes, between a minute and two days. */
const CHANGES_PER_RUN = 12;

export type WorldResult = { ok: true; world: World } | { ok: false; problems: Problem[] };

/**
 * A world checked against its schema. One whose changes flow down and which sets no goal would have nothing to be
 * judged by: it is refused, where its goals are set, rather than given a goal its author did not choose.
 */
export function parseWorld(value: unknown): WorldResult {
  const checked = check(worldSchema, value);
  if (!checked.ok) return checked;
  if (goalsOf(checked.value).length === 0) {
    return {
      ok: false,
      problems: [{ path: 'goals', expected: 'at least one goal: known within, a limit on requests or on connection time, or no change lost', got: 'none' }],
    };
  }
  return { ok: true, world: checked.value };
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A world as the address carries it (`?world=`): its JSON, base64url. */
export function encodeWorld(world: World): string {
  return base64url(new TextEncoder().encode(JSON.stringify(world)));
}

/** A world from the address or the command line: base64url JSON, or the JSON itself. */
export function decodeWorld(text: string): WorldResult {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(
      trimmed.startsWith('{')
        ? trimmed
        : new TextDecoder().decode(Uint8Array.from(atob(trimmed.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))),
    );
  } catch {
    return {
      ok: false,
      problems: [{ path: '(top)', expected: 'a world: its JSON, or that JSON encoded as base64url', got: JSON.stringify(trimmed.slice(0, 40)) }],
    };
  }
  return parseWorld(json);
}

/**
 * Why a pattern cannot be had in a world, if it cannot: what it needs of the source that the source does not offer.
 * A webhook needs the source to POST to a subscribed URL; a WebSocket, a source that accepts the upgrade; Server-Sent
 * Events, an event stream (`text/event-stream`) to read; long polling, a source that holds a request open until
 * something changes (an API built for it: one that answers at once, as most do, makes it a tight loop of polls); a
 * direct call, a service of your own to call. Polling and a plain request need only plain requests, which every
 * source answers (without conditional requests, every answer is the whole resource).
 */
export type Unoffered = 'webhooks' | 'websocket' | 'streams' | 'longPolling' | 'notYours';
export function whyNot(world: World, pattern: PatternName): Unoffered | undefined {
  if (pattern === 'webhook') return world.offers.webhooks ? undefined : 'webhooks';
  if (pattern === 'websocket') return world.offers.websocket ? undefined : 'websocket';
  if (pattern === 'sse') return world.offers.streams === false ? 'streams' : undefined;
  if (pattern === 'long-polling') return world.offers.longPolling === false ? 'longPolling' : undefined;
  if (pattern === 'direct-call') return world.side === 'own-service' ? undefined : 'notYours';
  return undefined;
}

/** The patterns that can work in a world: those whose needs the source meets (`whyNot`), a direct call only where both sides are yours. */
export function patternsFor(world: World): PatternName[] {
  return patternNames.filter((p) => whyNot(world, p) === undefined);
}

/** The field-guide rule a world is closest to, for a level saved from it (its author may choose another). */
function ruleFor(world: World): RuleId {
  if (world.side === 'own-service') return 'wh-avoid-both-sides';
  if (world.side === 'script') return 'wh-avoid-tiny-script';
  if (world.flow === 'up') return 'ws-avoid-form';
  if (world.side === 'browsers') {
    if (world.flow === 'both') return 'ws-two-way';
    if (world.changes.everyMs >= 3_600_000) return 'ws-avoid-rare';
    return world.clients > SIMULATED_CLIENTS ? 'ws-many-viewers' : 'ws-instant';
  }
  return 'wh-third-party';
}

const runLength = (world: World) => Math.min(2 * 86_400_000, Math.max(60_000, world.changes.everyMs * CHANGES_PER_RUN));

/** When a script runs (from `startMs`, every `everyMs`, for `forMs`), for a world whose app is one. */
export function scriptRuns(world: World): { everyMs: number; forMs: number; startMs: number } | undefined {
  if (world.side !== 'script') return undefined;
  const everyMs = world.runsEveryMs ?? SCRIPT_EVERY_MS;
  const forMs = Math.min(SCRIPT_RUN_MS, everyMs / 2);
  // Nothing aligns a script's schedule with the changes: its runs end a second before each of its periods is up, so a
  // change on a round time (steady changes every hour, every day) comes just after a run, not during one.
  return { everyMs, forMs, startMs: everyMs - forMs - 1000 };
}

/**
 * What a run covers: its length, and the span in which the world changes. A script's world runs whole periods of
 * it, with its last run after the last change, so that a change made while it sleeps is learned at its next run.
 */
function spanOf(world: World): { durationMs: number; changesMs: number } {
  const runs = scriptRuns(world);
  if (!runs) return { durationMs: runLength(world), changesMs: runLength(world) };
  const periods = Math.max(1, Math.min(Math.floor(SCRIPT_SPAN_MS / runs.everyMs) - 1, SCRIPT_MAX_RUNS - 1, Math.ceil(runLength(world) / runs.everyMs)));
  const lastRun = runs.startMs + periods * runs.everyMs;
  return { durationMs: lastRun + runs.forMs, changesMs: lastRun };
}

/** How many changes (or users' acts) a span of `durationMs` holds at the world's pace: one at least. */
const changesIn = (world: World, durationMs: number) => Math.max(1, Math.round(durationMs / world.changes.everyMs));

/** How many clients are simulated: up to SIMULATED_CLIENTS, and one script (scripts run apart: more are scaled from one). */
const simulatedOf = (world: World) => Math.min(world.clients, world.side === 'script' ? 1 : SIMULATED_CLIENTS);

/** How much work a world is to simulate: its changes in a run, times the clients simulated. */
export function workOf(world: World): { changes: number; clients: number } {
  return { changes: changesIn(world, spanOf(world).changesMs), clients: simulatedOf(world) };
}

/** The world's changes within `spanMs`: a rule for steady or random ones, fixed moments for bursts (five, 200 ms apart). */
function changesOf(world: World, spanMs: number): Record<string, unknown> {
  if (world.flow === 'up') return { updates: [] };
  const count = changesIn(world, spanMs);
  if (world.changes.rhythm === 'steady') return { updates: [], updateEveryMs: durationSpec(world.changes.everyMs) };
  if (world.changes.rhythm === 'random') return { updates: [], randomUpdates: { count, fromMs: '1s', toMs: durationSpec(spanMs - 1000) } };
  const bursts = Math.max(1, Math.round(count / 5));
  const gap = spanMs / (bursts + 1);
  const updates = Array.from({ length: bursts }, (_, b) =>
    Array.from({ length: 5 }, (_, i) => ({ atMs: durationSpec(Math.round(gap * (b + 1)) + i * 200), status: 'changed' })),
  ).flat();
  return { updates };
}

function goalsOf(world: Pick<World, 'goals' | 'flow'>): Array<Record<string, unknown>> {
  const goals: Array<Record<string, unknown>> = [];
  if (world.goals.freshMs !== undefined) goals.push({ id: 'fresh', metric: 'stalenessMaxMs', max: durationSpec(world.goals.freshMs) });
  if (world.goals.noLostEvents) goals.push({ id: 'complete', metric: 'lostEvents', max: 0 });
  if (world.flow !== 'down') goals.push({ id: 'sent', metric: 'failedSubmissions', max: 0 });
  if (world.goals.maxRequests !== undefined) goals.push({ id: 'requests', metric: 'requests', max: world.goals.maxRequests });
  if (world.goals.maxConnectionMs !== undefined) goals.push({ id: 'held', metric: 'connectionMs', max: durationSpec(world.goals.maxConnectionMs) });
  return goals;
}

/**
 * The words a world's level is written in: English, the source language, and the one the game speaks now. A level
 * saved from the playground is written in every language (`everyLanguage()` in src/content/text/index.ts), as
 * `npm run levels:check` asks of any level.
 */
const spokenNow = (): Partial<Record<Language, GameText>> => ({ en, [language()]: words() });

/** A goal of the world in words, by its id. */
function goalText(world: World, id: string, words: GameText['playground']['level']['goals']): string {
  const values = {
    fresh: formatDuration(world.goals.freshMs ?? 0),
    requests: world.goals.maxRequests ?? 0,
    held: formatDuration(world.goals.maxConnectionMs ?? 0),
  };
  return say(words[id as keyof typeof words], values);
}

/** The polling interval the playground runs: half the freshness asked for (at least 1 s), else the changes' pace. */
export function pollingInterval(world: World): number {
  const wanted = world.goals.freshMs !== undefined ? world.goals.freshMs / 2 : world.changes.everyMs;
  return Math.max(1000, Math.min(3_600_000, Math.round(wanted / 1000) * 1000));
}

/** The world as a level file (format 2, with its `$schema`), ready to save under levels/ or to run. */
export function worldToLevelFile(world: World, id = 'my-world', languages: Partial<Record<Language, GameText>> = spokenNow()): Record<string, unknown> {
  const { durationMs, changesMs } = spanOf(world);
  const simulated = simulatedOf(world);
  const script = scriptRuns(world);
  const clientIds = Array.from({ length: simulated }, (_, i) => `client-${i + 1}`);
  const reachable = world.side !== 'browsers' && world.side !== 'script';
  const apps = clientIds.map((cid, i) => ({
    id: cid,
    kind: 'app',
    host: world.side === 'browsers' ? `browser-${i + 1}.home` : `app-${i + 1}.example`,
    ...(reachable ? {} : { reachable: false }),
    ...(script ? { runs: { everyMs: durationSpec(script.everyMs), forMs: durationSpec(script.forMs), startMs: durationSpec(script.startMs) } } : {}),
    x: 0.2,
    y: simulated === 1 ? 0.55 : 0.1 + (0.8 * i) / (simulated - 1),
  }));
  const offered = patternsFor(world);
  const interval = pollingInterval(world);
  const goals = goalsOf(world);
  return {
    $schema: '../level.schema.json',
    schemaVersion: 2,
    id,
    rule: ruleFor(world),
    actors: [...apps, { id: 'source', kind: 'server', host: world.side === 'own-service' ? 'orders.internal.example' : 'api.source.example', x: 0.8, y: 0.55 }],
    you: clientIds[0],
    ...(simulated > 1 ? { clients: clientIds } : {}),
    ...(world.clients > simulated ? { audience: world.clients } : {}),
    source: {
      actor: 'source',
      resource: '/v1/things/1',
      offers: { conditionalRequests: world.offers.conditionalRequests, webhooks: world.offers.webhooks, websocket: world.offers.websocket },
      webhookRetryMs: ['10s', '1min', '10min'],
      ...(world.flow !== 'down' ? { submitPath: '/v1/things/1/events', accepts: 'all' } : {}),
      ...(world.side === 'own-service' ? { yours: true } : {}),
    },
    webhookPath: '/webhooks/source',
    world: {
      durationMs: durationSpec(durationMs),
      statuses: ['initial', 'changed'],
      ...changesOf(world, changesMs),
      ...(world.flow !== 'down' ? { actions: { count: changesIn(world, changesMs), fromMs: '1s', toMs: durationSpec(changesMs - 1000) } } : {}),
    },
    network: {
      latencyMs: durationSpec(world.network.latencyMs),
      jitterMs: durationSpec(Math.round(world.network.latencyMs / 2)),
      loss: world.network.loss,
      ...(world.network.idleTimeoutMs !== undefined ? { idleTimeoutMs: durationSpec(world.network.idleTimeoutMs) } : {}),
      ...(world.side === 'own-service' ? { internal: { latencyMs: '2ms', jitterMs: '1ms' } } : {}),
    },
    patterns: {
      offered,
      params: { polling: { intervalMs: { min: '1s', max: '1h', step: '1s', default: durationSpec(interval) } } },
    },
    goals,
    point: goals[0].id,
    bestFit: 'bytes',
    text: Object.fromEntries(
      (Object.entries(languages) as Array<[Language, GameText]>).map(([lang, words]) => {
        const w = words.playground.level;
        return [
          lang,
          {
            title: w.title,
            story: storyOf(world, lang, w.story),
            rule: words.rules[ruleFor(world)].text,
            actors: Object.fromEntries([...clientIds.map((c, i) => [c, simulated === 1 ? w.you : say(w.client, { n: i + 1 })]), ['source', w.source]]),
            statuses: { initial: w.initial, changed: world.flow === 'down' ? w.changedDown : w.changedUp },
            goals: Object.fromEntries(goals.map((g) => [g.id, goalText(world, g.id as string, w.goals)])),
            hints: [w.hint],
            explanations: Object.fromEntries(offered.map((p) => [p, words.guide.patterns[p]])),
            ...(world.flow !== 'down' ? { act: w.act, outsider: w.outsider } : {}),
          },
        ];
      }),
    ),
  };
}

/** The world in a few sentences, as its level's briefing, in `lang`. */
function storyOf(world: World, lang: string, words: GameText['playground']['level']['story']): string {
  const who = say(words[world.side], { every: formatDuration(scriptRuns(world)?.everyMs ?? 0) });
  const changes = say(words.changes, { every: formatDuration(world.changes.everyMs), rhythm: words[world.changes.rhythm] });
  const clients = say(world.clients === 1 ? words.oneClient : words.clients, { n: world.clients.toLocaleString(lang) });
  return [who, changes, clients, words[world.flow]].join(' ');
}

/** The world as the level the game runs, checked like any level file. */
export function worldToLevel(world: World): { ok: true; level: Level } | { ok: false; problems: Problem[] } {
  const parsed = parseLevel(worldToLevelFile(world));
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems };
}
