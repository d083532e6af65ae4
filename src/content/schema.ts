import type { MetricName } from '../sim/metrics.ts';
import { metricNames } from '../sim/metrics.ts';
import { patternNames, ruleIds, type PatternName, type RuleId } from './patterns.ts';
import { arr, bool, literal, num, obj, optional, record, str, type Check, type Problem } from './validate.ts';

/**
 * The level file format, version 1: its type, its validator and its migrations side by side.
 * A level describes the world; it never says which pattern wins. `expected` is read by the tests only.
 */
export const LEVEL_SCHEMA_VERSION = 1;

export interface ActorSpec {
  id: string;
  kind: 'app' | 'server';
  host: string;
  /** False for a browser or a machine behind NAT: nothing on the internet can reach it. */
  reachable?: boolean;
  /** An app that runs only now and then (a script): from every `everyMs`, for `forMs`. */
  runs?: { everyMs: number; forMs: number };
  /** Position on the stage, 0..1 of its width and height. */
  x: number;
  y: number;
}

export interface ServerOffers {
  /** Answers If-None-Match with 304 Not Modified when nothing changed. */
  conditionalRequests: boolean;
  /** Lets clients subscribe a URL that it POSTs to when something changes. */
  webhooks: boolean;
  /** Accepts WebSocket connections that it pushes changes over. */
  websocket: boolean;
}

export interface ParamRange {
  min: number;
  max: number;
  step: number;
  default: number;
}

export interface GoalSpec {
  id: string;
  metric: MetricName;
  max?: number;
  min?: number;
}

export interface LevelText {
  title: string;
  story: string;
  rule: string;
  actors: Record<string, string>;
  statuses: string[];
  goals: Record<string, string>;
  hints: string[];
  explanations: Partial<Record<PatternName, string>>;
  /** The question asked before a run when the level asks for a guess. */
  predict?: string;
  /** What a user does when they act, after their name: "sends a message", "bids". */
  act?: string;
  /** The person at each client, by client id, where that is not the actor's name ("Ana" at "Ana's browser"). */
  people?: Record<string, string>;
  /** Who makes the changes no simulated client makes, for `{by}` in a status ("a bidder in the room"). */
  outsider?: string;
}

export interface Expected {
  passed: boolean;
  stars: number;
  params?: Record<string, number>;
}

export interface Level {
  schemaVersion: number;
  id: string;
  rule: RuleId;
  actors: ActorSpec[];
  /** The player's app. */
  you: string;
  /**
   * Every actor that runs your app's code, when it runs in several places at once (each member's
   * browser in a chat room, each bidder's). `you` is one of them. Default: `you` alone.
   */
  clients?: string[];
  /** How many people the simulated clients stand for; a figure scaled up to them is labelled extrapolated. */
  audience?: number;
  /** The server whose data changes, and what it offers. */
  source: {
    actor: string;
    /** The resource's path; with several resources, `{i}` stands for 1, 2, … */
    resource: string;
    /** How many resources your app must follow (repositories, orders…). Default 1. */
    resources?: number;
    offers: ServerOffers;
    webhookRetryMs: number[];
    /** More requests than this from one client within `perMs` get 429 Too Many Requests. */
    rateLimit?: { requests: number; perMs: number };
    /** The server pings each open WebSocket this often (the browser answers with a pong). */
    heartbeatMs?: number;
    /** Where your app sends what its users do (a message, a bid, a question, a form); needed with `world.actions`. */
    submitPath?: string;
    /** "all" takes every submission; "latest" turns down (409) one made on an older state than the current one (a bid on a stale price). */
    accepts?: 'all' | 'latest';
    /** Each accepted submission starts an answer that the server writes in `tokens` pieces, one every `everyMs`. */
    stream?: { tokens: number; everyMs: number };
    /** The source is your own service too: your code may run in it and call your app directly. */
    yours?: boolean;
  };
  /** Where your app receives webhooks. */
  webhookPath: string;
  world: {
    durationMs: number;
    /** Changes at fixed times; each one's text is `text.statuses[status]`, on resource `resource` (0-based). */
    updates: Array<{ atMs: number; status: number; resource?: number }>;
    /** When set, a change every this many ms replaces `updates`. */
    updateEveryMs?: number;
    /** When set, `count` changes at moments drawn from the seed between `fromMs` and `toMs` replace `updates`. */
    randomUpdates?: { count: number; fromMs: number; toMs: number };
    /** False when your app starts without the data and must fetch it (event 0 at time 0). Default true. */
    initialKnown?: boolean;
    /** The people at your clients act `count` times, at moments drawn from the seed between `fromMs` and `toMs`, each at a client drawn too. */
    actions?: { count: number; fromMs: number; toMs: number };
  };
  network: {
    latencyMs: number;
    jitterMs: number;
    loss: number;
    /** Between two services of yours inside your own network (a direct call), where that differs from the internet. */
    internal?: { latencyMs: number; jitterMs: number };
  };
  patterns: {
    offered: PatternName[];
    params: { polling?: { intervalMs: ParamRange } };
  };
  goals: GoalSpec[];
  /** Ask the player to guess this measurement before the run. */
  predict?: { metric: MetricName };
  text: Record<string, LevelText>;
  expected?: Partial<Record<PatternName, Expected[]>>;
}

const id = str({ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ });
const range = obj({ min: num({ min: 0 }), max: num({ min: 0 }), step: num({ min: 1 }), default: num({ min: 0 }) });

const levelText = obj({
  title: str(),
  story: str(),
  rule: str(),
  actors: record(str()),
  statuses: arr(str(), { min: 1 }),
  goals: record(str()),
  hints: arr(str(), { min: 1 }),
  explanations: record(str(), patternNames),
  predict: optional(str()),
  act: optional(str()),
  people: optional(record(str())),
  outsider: optional(str()),
});

const levelCheck: Check = obj({
  schemaVersion: literal(LEVEL_SCHEMA_VERSION),
  id,
  rule: literal(...ruleIds),
  actors: arr(
    obj({
      id,
      kind: literal('app', 'server'),
      host: str({ pattern: /^[a-z0-9.-]+$/ }),
      x: num({ min: 0, max: 1 }),
      y: num({ min: 0, max: 1 }),
      reachable: optional(bool()),
      runs: optional(obj({ everyMs: num({ min: 1000 }), forMs: num({ min: 1000 }) })),
    }),
    { min: 2 },
  ),
  you: id,
  clients: optional(arr(id, { min: 1 })),
  audience: optional(num({ min: 1, integer: true })),
  source: obj({
    actor: id,
    resource: str({ pattern: /^\/\S*$/ }),
    resources: optional(num({ min: 1, max: 100, integer: true })),
    offers: obj({ conditionalRequests: bool(), webhooks: bool(), websocket: bool() }),
    webhookRetryMs: arr(num({ min: 1 })),
    rateLimit: optional(obj({ requests: num({ min: 1, integer: true }), perMs: num({ min: 1 }) })),
    heartbeatMs: optional(num({ min: 1000 })),
    submitPath: optional(str({ pattern: /^\/\S*$/ })),
    accepts: optional(literal('all', 'latest')),
    stream: optional(obj({ tokens: num({ min: 1, max: 2000, integer: true }), everyMs: num({ min: 1 }) })),
    yours: optional(bool()),
  }),
  webhookPath: str({ pattern: /^\/\S*$/ }),
  world: obj({
    durationMs: num({ min: 1000, max: 30 * 86_400_000 }),
    updates: arr(obj({ atMs: num({ min: 0 }), status: num({ min: 0, integer: true }), resource: optional(num({ min: 0, integer: true })) })),
    updateEveryMs: optional(num({ min: 100 })),
    randomUpdates: optional(obj({ count: num({ min: 1, max: 10_000, integer: true }), fromMs: num({ min: 0 }), toMs: num({ min: 0 }) })),
    initialKnown: optional(bool()),
    actions: optional(obj({ count: num({ min: 1, max: 1000, integer: true }), fromMs: num({ min: 0 }), toMs: num({ min: 0 }) })),
  }),
  network: obj({
    latencyMs: num({ min: 0, max: 60_000 }),
    jitterMs: num({ min: 0, max: 60_000 }),
    loss: num({ min: 0, max: 1 }),
    internal: optional(obj({ latencyMs: num({ min: 0, max: 60_000 }), jitterMs: num({ min: 0, max: 60_000 }) })),
  }),
  patterns: obj({
    offered: arr(literal(...patternNames), { min: 1 }),
    params: obj({ polling: optional(obj({ intervalMs: range })) }),
  }),
  goals: arr(obj({ id, metric: literal(...metricNames), max: optional(num()), min: optional(num()) }), { min: 1 }),
  predict: optional(obj({ metric: literal(...metricNames) })),
  text: record(levelText),
  expected: optional(
    record(
      arr(obj({ passed: bool(), stars: num({ min: 0, max: 3, integer: true }), params: optional(record(num())) }), { min: 1 }),
      patternNames,
    ),
  ),
});

/** Every actor that runs your app: the level's clients, or your app alone. */
export function clientsOf(level: Level): string[] {
  return level.clients ?? [level.you];
}

/** Checks that the validator cannot express: references between fields. */
function crossCheck(level: Level): Problem[] {
  const problems: Problem[] = [];
  const actorIds = level.actors.map((a) => a.id);
  const refer = (path: string, value: string) => {
    if (!actorIds.includes(value)) problems.push({ path, expected: `an actor id (${actorIds.join(', ')})`, got: JSON.stringify(value) });
  };
  refer('you', level.you);
  refer('source.actor', level.source.actor);
  level.clients?.forEach((c, i) => refer(`clients[${i}]`, c));
  if (level.clients && level.clients.length > 12) {
    problems.push({ path: 'clients', expected: 'at most 12 clients (the stage draws each one)', got: `a list of ${level.clients.length}` });
  }
  if (level.clients && !level.clients.includes(level.you)) {
    problems.push({ path: 'clients', expected: `a list that includes you (${level.you})`, got: JSON.stringify(level.clients) });
  }
  if (level.world.actions && !level.source.submitPath) {
    problems.push({ path: 'source.submitPath', expected: 'where your app sends what its users do (world.actions is set)', got: 'nothing' });
  }
  const en = level.text.en;
  if (!en) problems.push({ path: 'text.en', expected: 'the English text (the source language)', got: 'nothing' });
  for (const [lang, text] of Object.entries(level.text)) {
    level.world.updates.forEach((u, i) => {
      if (u.status >= text.statuses.length) {
        problems.push({ path: `world.updates[${i}].status`, expected: `an index into text.${lang}.statuses (< ${text.statuses.length})`, got: String(u.status) });
      }
    });
    for (const goal of level.goals) {
      if (!text.goals[goal.id]) problems.push({ path: `text.${lang}.goals.${goal.id}`, expected: 'the goal as the player reads it', got: 'nothing' });
    }
    for (const actor of actorIds) {
      if (!text.actors[actor]) problems.push({ path: `text.${lang}.actors.${actor}`, expected: "the actor's name", got: 'nothing' });
    }
    if (level.world.actions && !text.act) problems.push({ path: `text.${lang}.act`, expected: 'what a user does when they act', got: 'nothing' });
    if (level.predict && !text.predict) problems.push({ path: `text.${lang}.predict`, expected: 'the question asked before the run', got: 'nothing' });
    for (const pattern of level.patterns.offered) {
      if (!text.explanations[pattern]) problems.push({ path: `text.${lang}.explanations.${pattern}`, expected: 'why this pattern fits or not', got: 'nothing' });
    }
  }
  const resources = level.source.resources ?? 1;
  level.world.updates.forEach((u, i) => {
    if ((u.resource ?? 0) >= resources) problems.push({ path: `world.updates[${i}].resource`, expected: `a resource index below source.resources (${resources})`, got: String(u.resource) });
  });
  if (resources > 1 && !level.source.resource.includes('{i}')) {
    problems.push({ path: 'source.resource', expected: 'a path with {i} where the resource number goes', got: JSON.stringify(level.source.resource) });
  }
  level.goals.forEach((g, i) => {
    if ((g.max === undefined) === (g.min === undefined)) problems.push({ path: `goals[${i}]`, expected: 'exactly one of max or min', got: 'both or neither' });
  });
  const poll = level.patterns.params.polling?.intervalMs;
  if (poll && !(poll.min <= poll.default && poll.default <= poll.max)) {
    problems.push({ path: 'patterns.params.polling.intervalMs.default', expected: `a value between min and max`, got: String(poll.default) });
  }
  if (level.patterns.offered.includes('polling') && !poll) {
    problems.push({ path: 'patterns.params.polling.intervalMs', expected: 'the range of the polling interval', got: 'nothing' });
  }
  return problems;
}

/** Migrations from older schema versions, keyed by the version they upgrade from. None exist yet. */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateLevel(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let value = raw as Record<string, unknown>;
  while (typeof value.schemaVersion === 'number' && value.schemaVersion < LEVEL_SCHEMA_VERSION && migrations[value.schemaVersion]) {
    value = migrations[value.schemaVersion](value);
  }
  return value;
}

export type ParseResult = { ok: true; level: Level } | { ok: false; problems: Problem[] };

export function parseLevel(raw: unknown): ParseResult {
  const value = migrateLevel(raw);
  const problems = levelCheck(value, '');
  if (problems.length) return { ok: false, problems };
  const level = value as Level;
  const cross = crossCheck(level);
  return cross.length ? { ok: false, problems: cross } : { ok: true, level };
}
