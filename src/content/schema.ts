import { isDurationMetric, metricNames } from '../sim/metrics.ts';
import { amount, duration, durationSpec } from './duration.ts';
import { levelVersioning } from './level-migrations.ts';
import { migrate } from './migrate.ts';
import { defenceNames, defencesOf } from './pattern-registry.ts';
import { patternNames, ruleIds, type PatternName } from './patterns.ts';
import { arr, bool, check, doc, literal, num, obj, optional, record, str, type Infer, type Problem } from './schema-kit.ts';

/**
 * The level file format, version 2: one schema gives the TypeScript type, the check at load and the
 * JSON Schema for authors (levels/level.schema.json, written by `npm run levels:schema`). A level
 * describes the world; it never says which pattern wins. `expected` is read by the tests only.
 * Durations may be written as "90s", "30min", "3h"…; the game sees milliseconds. Anything the logic
 * refers to in the text (a status) is referred to by key, so a translation cannot change a run.
 */
export const LEVEL_SCHEMA_VERSION = levelVersioning.current;

const id = str({ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, example: '"carrier" or "team-chat" (lower case, digits, dashes)' });
const path = str({ pattern: /^\/\S*$/, example: '"/v1/orders" (a path starting with /)' });
const key = str({ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, example: '"out-for-delivery" (lower case, digits, dashes)' });

const actorSchema = obj({
  id: doc('How the rest of the file refers to this actor.', id),
  kind: doc('"app" runs your code; "server" is the other side.', literal('app', 'server')),
  host: doc('Its host name on the simulated network (use a reserved .example name).', str({ pattern: /^[a-z0-9.-]+$/, example: '"api.carrier.example"' })),
  reachable: doc('False for a browser or a machine behind NAT: nothing on the internet can reach it. Default true.', optional(bool())),
  runs: doc(
    'An app that runs only now and then (a script): from `startMs`, every `everyMs`, for `forMs`.',
    optional(
      obj({
        everyMs: doc('How often it starts.', duration({ min: 1000 })),
        forMs: doc('How long it runs each time.', duration({ min: 1000 })),
        startMs: optional(doc("When it first starts, from the start of the run (a cron line's hour and minute). Default 0s.", duration())),
      }),
    ),
  ),
  bytesPerSecond: doc(
    "The link towards this actor carries at most this many bytes a second (a slow mobile connection): what is sent to it faster waits in the sender's buffer. Default: no limit.",
    optional(num({ min: 100, integer: true })),
  ),
  x: doc('Position on the stage, 0..1 of its width.', num({ min: 0, max: 1 })),
  y: doc('Position on the stage, 0..1 of its height.', num({ min: 0, max: 1 })),
});

const offersSchema = obj({
  conditionalRequests: doc('Answers If-None-Match with 304 Not Modified when nothing changed.', bool()),
  webhooks: doc('Lets clients subscribe a URL that it POSTs to when something changes.', bool()),
  websocket: doc('Accepts WebSocket connections that it pushes changes over.', bool()),
});

const sourceSchema = obj({
  actor: doc('The server whose data changes (an actor id).', id),
  resource: doc("The resource's path; with several resources, `{i}` stands for 1, 2, …", path),
  resources: doc('How many resources your app must follow (repositories, orders…). Default 1.', optional(num({ min: 1, max: 100, integer: true }))),
  offers: doc('What the source server offers its clients.', offersSchema),
  webhookRetryMs: doc('When the source retries a failed webhook delivery: the wait before each retry.', arr(duration({ min: 1 }))),
  rateLimit: doc(
    'More requests than this from one client within `perMs` get 429 Too Many Requests.',
    optional(obj({ requests: doc('Requests allowed per window.', num({ min: 1, integer: true })), perMs: doc('The window.', duration({ min: 1 })) })),
  ),
  heartbeatMs: doc(
    'The server pings each open WebSocket this often (the browser answers with a pong) and writes a comment line into each open event stream, so that proxies do not close them as idle.',
    optional(duration({ min: 1000 })),
  ),
  submitPath: doc('Where your app sends what its users do (a message, a bid, a question, a form); needed with `world.actions`.', optional(path)),
  accepts: doc(
    '"all" takes every submission; "latest" turns down (409) one made on an older state than the current one (a bid on a stale price).',
    optional(literal('all', 'latest')),
  ),
  stream: doc(
    'Each accepted submission starts an answer that the server writes in `tokens` pieces, one every `everyMs`.',
    optional(
      obj({
        tokens: doc('How many pieces (words) the answer has.', num({ min: 1, max: 2000, integer: true })),
        everyMs: doc('The time to write each piece.', duration({ min: 1 })),
      }),
    ),
  ),
  latestOnly: doc(
    "The server keeps and sends only the latest state (a ticker's price): a client that was away gets the current value, not every one it missed, and a connection still busy with an older change is sent only the newest when it is free (conflation).",
    optional(bool()),
  ),
  yours: doc('The source is your own service too: your code may run in it and call your app directly.', optional(bool())),
  newIdEachAttempt: doc(
    'The sender gives each retry of a webhook delivery a new `webhook-id` (a sloppy sender; Standard Webhooks asks for the same one), so a receiver cannot tell a retry from a new change by its id. Default false.',
    optional(bool()),
  ),
});

const worldSchema = obj({
  durationMs: doc('How long the simulated situation lasts.', duration({ min: 1000, max: 30 * 86_400_000 })),
  statuses: doc(
    'The states a resource goes through, by key (their words are in text.<lang>.statuses). The first is where it starts; changes with no status of their own take the others in turn.',
    arr(key, { min: 1 }),
  ),
  updates: doc(
    'Changes at fixed times, each to a status (a key of world.statuses), on resource `resource` (0-based, default 0).',
    arr(
      obj({
        atMs: doc('When, from the start of the run.', duration()),
        status: doc('A key of world.statuses.', key),
        resource: doc('Which resource (0-based). Default 0.', optional(num({ min: 0, integer: true }))),
      }),
    ),
  ),
  updateEveryMs: doc('When set, a change every this long replaces `updates`.', optional(duration({ min: 100 }))),
  randomUpdates: doc(
    'When set, `count` changes at moments drawn from the seed between `fromMs` and `toMs` replace `updates`.',
    optional(
      obj({
        count: doc('How many changes.', num({ min: 1, max: 10_000, integer: true })),
        fromMs: doc('Not before.', duration()),
        toMs: doc('Not after.', duration()),
      }),
    ),
  ),
  final: doc(
    'A status after which nothing more happens to a resource (a payment succeeded, a parcel delivered): the server marks the resource final, and a client may stop asking.',
    optional(key),
  ),
  initialKnown: doc('False when your app starts without the data and must fetch it (event 0 at time 0). Default true.', optional(bool())),
  restartsAtMs: doc(
    'When the source server restarts (a deploy): every connection open to it drops, and clients must connect again.',
    optional(arr(duration())),
  ),
  restartDownMs: doc(
    'How long each restart keeps the source server down: connections to it are refused meanwhile. Default 0s (back at once).',
    optional(duration()),
  ),
  joins: doc(
    'Your clients start (a device switched on, a page opened) at moments drawn from the seed between `fromMs` and `toMs`, each its own. Default: all at the start.',
    optional(obj({ fromMs: doc('Not before.', duration()), toMs: doc('Not after.', duration()) })),
  ),
  outages: doc(
    "When your app's public endpoint is down (a deploy gone wrong, a crashed receiver): connections to it are refused from `fromMs` until `toMs`.",
    optional(arr(obj({ fromMs: doc('From.', duration()), toMs: doc('Until.', duration()) }))),
  ),
  slowAnswers: doc(
    "When the answers of your app's public endpoint are held up on their way out (an overloaded load balancer in front of it): a request arriving from `fromMs` until `toMs` is handled at once, but its answer leaves `delayMs` later. Held past the sender's 10 s timeout, the answer is lost though the work was done.",
    optional(
      arr(
        obj({
          fromMs: doc('From.', duration()),
          toMs: doc('Until.', duration()),
          delayMs: doc('How long each answer is held.', duration({ min: 1, max: 600_000 })),
        }),
      ),
    ),
  ),
  attacks: doc(
    "Someone on the internet POSTs to your app's webhook address at `atMs`: a forgery (`forged`: a change of `status` on resource `resource` that never happened, with a made-up signature, or one signed with your leaked secret when `leakedSecret`), or a replay (`replay`: the latest genuine delivery to your app, sent again as it was captured, with its old timestamp and signature).",
    optional(
      arr(
        obj({
          atMs: doc('When, from the start of the run.', duration()),
          by: doc('Who sends it (an actor id).', id),
          kind: doc('"forged" or "replay".', literal('forged', 'replay')),
          status: doc('For a forgery: the status it claims (a key of world.statuses).', optional(key)),
          resource: doc('For a forgery: which resource (0-based). Default 0.', optional(num({ min: 0, integer: true }))),
          leakedSecret: doc(
            'For a forgery: the attacker has your signing secret (leaked in a log, a repository), so the forgery is validly signed. Default false.',
            optional(bool()),
          ),
        }),
      ),
    ),
  ),
  actions: doc(
    'The people at your clients act `count` times, at moments drawn from the seed between `fromMs` and `toMs`, each at a client drawn too.',
    optional(
      obj({
        count: doc('How many acts in all.', num({ min: 1, max: 1000, integer: true })),
        fromMs: doc('Not before.', duration()),
        toMs: doc('Not after.', duration()),
      }),
    ),
  ),
});

const hop = {
  latencyMs: doc('One-way delay of a message, on average.', duration({ max: 60_000 })),
  jitterMs: doc('How much the delay varies, up or down (drawn from the seed).', duration({ max: 60_000 })),
};
const networkSchema = obj({
  ...hop,
  loss: doc(
    'The share of segments lost, 0 to 1. TCP sends a lost one again after a retransmission timeout; one lost too many times in a row drops its connection.',
    num({ min: 0, max: 1 }),
  ),
  lossBursts: doc(
    'Stretches of heavier loss (a train in a tunnel, a flaky Wi-Fi): from `fromMs` until `toMs` the share lost is `loss`.',
    optional(
      arr(
        obj({
          fromMs: doc('From.', duration()),
          toMs: doc('Until.', duration()),
          loss: doc('The share of segments lost meanwhile, 0 to 1.', num({ min: 0, max: 1 })),
        }),
      ),
    ),
  ),
  idleTimeoutMs: doc(
    'A proxy or load balancer on the path closes a connection that carried nothing either way for this long, and answers a request held that long with 504 Gateway Timeout. Default 60s: the default of nginx and of cloud load balancers.',
    optional(duration({ min: 1000 })),
  ),
  natIdleTimeoutMs: doc(
    "A NAT on the path (a mobile carrier's, a cloud NAT gateway: AWS's forgets after 350 s) drops a connection that carried nothing either way for this long without telling either end: what either sends afterwards is lost, and an end learns only when its own retransmissions give up. Default: none.",
    optional(duration({ min: 1000 })),
  ),
  cutsAtMs: doc(
    'Moments when the path is cut under every open connection (a phone moving from Wi-Fi to mobile data): both ends are reset, and what was on its way is lost.',
    optional(arr(duration())),
  ),
  internal: doc('Between two services of yours inside your own network (a direct call), where that differs from the internet.', optional(obj(hop))),
});

const rangeSchema = obj({
  min: doc('The least the player may choose.', duration()),
  max: doc('The most the player may choose.', duration()),
  step: doc("The slider's step.", duration({ min: 1 })),
  default: doc('Where the slider starts.', duration()),
});

const goalSchema = obj({
  id: doc('The key of its words in text.<lang>.goals.', id),
  metric: doc('What the run measures for it.', literal(...metricNames)),
  max: doc('The most the run may measure (a duration for a metric in ms).', optional(amount())),
  min: doc('The least the run must measure.', optional(amount())),
});

const textSchema = obj({
  title: doc("The level's title, as listed.", str()),
  story: doc('The briefing: the situation and what the people in it need.', str()),
  rule: doc("The field guide's rule, revealed in the debrief.", str()),
  actors: doc("Each actor's name, by actor id.", record(str())),
  statuses: doc('The words of each status, by its key in world.statuses. `{by}` is who caused it, `{v}` its version.', record(str())),
  goals: doc('Each goal as the player reads it, by goal id.', record(str())),
  hints: doc(
    'Hints: all behind "Need a hint?" on the briefing, and, after a run that did not pass, one in the debrief (the next one each time); they point at the world, never at a pattern.',
    arr(str(), { min: 1 }),
  ),
  explanations: doc('Why each offered pattern fits or not, shown in the debrief.', record(str(), patternNames)),
  predict: doc('The question asked before a run when the level asks for a guess.', optional(str())),
  act: doc('What a user does when they act, after their name: "sends a message", "bids".', optional(str())),
  people: doc('The person at each client, by client id, where that is not the actor\'s name ("Ana" at "Ana\'s browser").', optional(record(str()))),
  outsider: doc('Who makes the changes no simulated client makes, for `{by}` in a status ("a bidder in the room").', optional(str())),
});

const expectedSchema = obj({
  passed: doc('Every goal met.', bool()),
  stars: doc('0 to 3.', num({ min: 0, max: 3, integer: true })),
  params: doc(
    "The pattern's parameters for this run (the level's defaults otherwise): durations, and 1 or 0 for a defence on or off.",
    optional(record(amount())),
  ),
});

export const levelSchema = obj(
  {
    schemaVersion: doc('The format of this file: 2.', literal(LEVEL_SCHEMA_VERSION)),
    id: doc("The level's id: its file name, and ?level= in the address.", id),
    rule: doc('The field-guide rule the level teaches.', literal(...ruleIds)),
    actors: doc('Everyone on the network: your app (one or more clients) and the servers it talks to.', arr(actorSchema, { min: 2 })),
    you: doc("The player's app (an actor id).", id),
    clients: doc(
      "Every actor that runs your app, when it runs in several places at once (each member's browser in a chat room). `you` is one of them. Default: `you` alone.",
      optional(arr(id, { min: 1 })),
    ),
    audience: doc(
      'How many people the simulated clients stand for; a figure scaled up to them is labelled extrapolated.',
      optional(num({ min: 1, integer: true })),
    ),
    source: doc('The server whose data your app must follow, and what it offers.', sourceSchema),
    webhookPath: doc('Where your app receives webhooks.', path),
    world: doc('What happens during the run.', worldSchema),
    network: doc('The network between the actors: latency, jitter, loss.', networkSchema),
    patterns: doc(
      'What the player may choose.',
      obj({
        offered: doc('The patterns the player may choose from.', arr(literal(...patternNames), { min: 1 })),
        params: doc(
          'The parameters the player may tune, with their ranges.',
          obj({ polling: optional(obj({ intervalMs: doc('Time between two polls.', rangeSchema) })) }),
        ),
        defences: doc(
          "The defences the player may turn on or off, by pattern (each must be one of that pattern's, see docs/levels.md). Offered, a defence starts off; not offered, the pattern does what a careful engineer does.",
          optional(record(arr(literal(...defenceNames), { min: 1 }), patternNames)),
        ),
      }),
    ),
    goals: doc('What the run must achieve; each has exactly one of max or min.', arr(goalSchema, { min: 1 })),
    point: doc("The goal that is the level's point, by id: a run that misses it earns at most one star. Default: the first goal.", optional(id)),
    bestFit: doc(
      'When two patterns both meet every goal, the better fit is the one that measured at least a tenth less of this metric in its runs (closer than that, they fit equally). Default: bytes.',
      optional(literal(...metricNames)),
    ),
    predict: doc('Ask the player to guess this measurement before the run.', optional(obj({ metric: literal(...metricNames) }))),
    text: doc('The words the player reads, by language ("en" is the source language).', record(textSchema, undefined, /^[a-z]{2}(-[A-Z]{2})?$/)),
    expected: doc(
      'What the author expects each pattern to earn; read by the tests only, never by the game.',
      optional(record(arr(expectedSchema, { min: 1 }), patternNames)),
    ),
  },
  { allow: ['$schema'] },
);

export type Level = Infer<typeof levelSchema>;
export type ActorSpec = Infer<typeof actorSchema>;
export type ServerOffers = Infer<typeof offersSchema>;
export type ParamRange = Infer<typeof rangeSchema>;
export type LevelText = Infer<typeof textSchema>;
export type Expected = Infer<typeof expectedSchema>;

/** The id of the goal that is the level's point: the one it names, or its first goal. */
export function pointOf(level: Pick<Level, 'goals' | 'point'>): string {
  return level.point ?? level.goals[0].id;
}

/** Every actor that runs your app: the level's clients, or your app alone. */
export function clientsOf(level: Level): string[] {
  return level.clients ?? [level.you];
}

/** Checks that the schema cannot express: references between fields. `raw` is the file as written. */
function crossCheck(level: Level, raw: Record<string, unknown>): Problem[] {
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
  const statusKeys = level.world.statuses;
  statusKeys.forEach((key, i) => {
    if (statusKeys.indexOf(key) !== i) problems.push({ path: `world.statuses[${i}]`, expected: 'a key not listed before', got: JSON.stringify(key) });
  });
  // Fixed changes count only where no rule replaces them (updateEveryMs, randomUpdates).
  const fixed = level.world.updateEveryMs === undefined && level.world.randomUpdates === undefined;
  level.world.updates.forEach((u, i) => {
    if (fixed && u.atMs > level.world.durationMs) {
      problems.push({
        path: `world.updates[${i}].atMs`,
        expected: `a moment within the run (world.durationMs, ${durationSpec(level.world.durationMs)})`,
        got: durationSpec(u.atMs),
      });
    }
  });
  level.world.attacks?.forEach((a, i) => {
    refer(`world.attacks[${i}].by`, a.by);
    if (a.kind === 'forged' && (a.status === undefined || !statusKeys.includes(a.status))) {
      problems.push({
        path: `world.attacks[${i}].status`,
        expected: `the status a forgery claims, a key of world.statuses (${statusKeys.join(', ')})`,
        got: JSON.stringify(a.status),
      });
    }
    if ((a.resource ?? 0) >= (level.source.resources ?? 1)) {
      problems.push({
        path: `world.attacks[${i}].resource`,
        expected: `a resource index below source.resources (${level.source.resources ?? 1})`,
        got: String(a.resource),
      });
    }
  });
  if (level.world.final !== undefined && !statusKeys.includes(level.world.final)) {
    problems.push({ path: 'world.final', expected: `a key of world.statuses (${statusKeys.join(', ')})`, got: JSON.stringify(level.world.final) });
  }
  level.world.updates.forEach((u, i) => {
    if (!statusKeys.includes(u.status))
      problems.push({ path: `world.updates[${i}].status`, expected: `a key of world.statuses (${statusKeys.join(', ')})`, got: JSON.stringify(u.status) });
  });
  if (!level.text.en) problems.push({ path: 'text.en', expected: 'the English text (the source language)', got: 'nothing' });
  for (const [lang, text] of Object.entries(level.text)) {
    if (!text) continue;
    for (const status of statusKeys) {
      if (!text.statuses[status]) problems.push({ path: `text.${lang}.statuses.${status}`, expected: 'the words of this status', got: 'nothing' });
    }
    for (const extra of Object.keys(text.statuses).filter((k) => !statusKeys.includes(k))) {
      problems.push({ path: `text.${lang}.statuses.${extra}`, expected: `a key of world.statuses (${statusKeys.join(', ')})`, got: JSON.stringify(extra) });
    }
    for (const goal of level.goals) {
      if (!text.goals[goal.id]) problems.push({ path: `text.${lang}.goals.${goal.id}`, expected: 'the goal as the player reads it', got: 'nothing' });
    }
    for (const actor of actorIds) {
      if (!text.actors[actor]) problems.push({ path: `text.${lang}.actors.${actor}`, expected: "the actor's name", got: 'nothing' });
    }
    if (level.world.actions && !text.act) problems.push({ path: `text.${lang}.act`, expected: 'what a user does when they act', got: 'nothing' });
    if (level.predict && !text.predict) problems.push({ path: `text.${lang}.predict`, expected: 'the question asked before the run', got: 'nothing' });
    for (const pattern of level.patterns.offered) {
      if (!text.explanations[pattern])
        problems.push({ path: `text.${lang}.explanations.${pattern}`, expected: 'why this pattern fits or not', got: 'nothing' });
    }
  }
  const resources = level.source.resources ?? 1;
  level.world.updates.forEach((u, i) => {
    if ((u.resource ?? 0) >= resources)
      problems.push({ path: `world.updates[${i}].resource`, expected: `a resource index below source.resources (${resources})`, got: String(u.resource) });
  });
  if (resources > 1 && !level.source.resource.includes('{i}')) {
    problems.push({ path: 'source.resource', expected: 'a path with {i} where the resource number goes', got: JSON.stringify(level.source.resource) });
  }
  if (level.point !== undefined && !level.goals.some((g) => g.id === level.point)) {
    problems.push({ path: 'point', expected: `a goal id (${level.goals.map((g) => g.id).join(', ')})`, got: JSON.stringify(level.point) });
  }
  const rawGoals = Array.isArray(raw.goals) ? (raw.goals as Array<Record<string, unknown>>) : [];
  level.goals.forEach((g, i) => {
    if ((g.max === undefined) === (g.min === undefined)) problems.push({ path: `goals[${i}]`, expected: 'exactly one of max or min', got: 'both or neither' });
    for (const bound of ['max', 'min'] as const) {
      if (typeof rawGoals[i]?.[bound] === 'string' && !isDurationMetric(g.metric)) {
        problems.push({ path: `goals[${i}].${bound}`, expected: `a number (${g.metric} is a count, not a duration)`, got: JSON.stringify(rawGoals[i][bound]) });
      }
    }
  });
  const poll = level.patterns.params.polling?.intervalMs;
  if (poll && !(poll.min <= poll.default && poll.default <= poll.max)) {
    problems.push({ path: 'patterns.params.polling.intervalMs.default', expected: `a value between min and max`, got: String(poll.default) });
  }
  if (level.patterns.offered.includes('polling') && !poll) {
    problems.push({ path: 'patterns.params.polling.intervalMs', expected: 'the range of the polling interval', got: 'nothing' });
  }
  for (const [pattern, names] of Object.entries(level.patterns.defences ?? {}) as Array<[PatternName, string[]]>) {
    const own: string[] = defencesOf(pattern);
    names.forEach((name, i) => {
      if (!own.includes(name)) {
        problems.push({
          path: `patterns.defences.${pattern}[${i}]`,
          expected: own.length ? `a defence of ${pattern} (${own.join(', ')})` : `nothing: ${pattern} has no defences`,
          got: JSON.stringify(name),
        });
      }
    });
    if (!level.patterns.offered.includes(pattern)) {
      problems.push({ path: `patterns.defences.${pattern}`, expected: 'defences of a pattern in patterns.offered', got: pattern });
    }
  }
  return problems;
}

export type ParseResult = { ok: true; level: Level } | { ok: false; problems: Problem[] };

/** A level file's JSON, of any known format, as the game uses it: migrated, checked, durations in ms. */
export function parseLevel(raw: unknown): ParseResult {
  const migrated = migrate(raw, levelVersioning);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const checked = check(levelSchema, migrated.value);
  if (!checked.ok) return checked;
  // The checked value holds only the format's fields: `$schema`, for editors, is left behind.
  const level = checked.value;
  const cross = crossCheck(level, migrated.value);
  return cross.length ? { ok: false, problems: cross } : { ok: true, level };
}
