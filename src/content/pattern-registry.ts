/**
 * Every pattern the game knows, in one table. Adding a pattern is: its client in `src/patterns`, one
 * entry here, its implementation in `src/patterns/index.ts` and its words in `text/en.ts` (the compiler
 * asks for both), and its tests.
 *
 * The split: this table holds what does not depend on the language (the name, the colour, the tunable
 * parameters and their units, the client's file); the words a player reads (label, description,
 * parameter labels) stay in `text/en.ts`, keyed by pattern name, because the game keeps player-facing
 * text apart from logic in one source language so that a translation replaces that module and never this
 * table. The two are tied by types both ways: `PatternName` is this table's keys, and the text module's
 * tables are `satisfies Record<PatternName, ...>` (and `Record<PatternParam, ...>`), so an entry without
 * its words fails to compile. `describePattern()` in present.ts joins the two into one record.
 */

export interface ParamSpec {
  /** What the number counts: `ms` is a duration, read as "3 s" or "10 min". */
  unit: 'ms';
}

/**
 * A defence: an option of a pattern that keeps it working when the world misbehaves (a retried delivery,
 * a forged POST, a proxy that closes idle connections…). `careful` is what the game's clients do when a
 * level does not offer the defence as a choice: what a careful engineer writes. A level that offers it
 * (`patterns.defences` in the level file) lets the player turn it on and off; it starts off there, so
 * that the player sees the fault first. `where` says whose code it changes: your client's, or the
 * server's (only where the server is yours to change, such as what a ticker sends a slow viewer).
 */
export interface DefenceSpec {
  careful: boolean;
  where: 'client' | 'server';
}

export interface PatternSpec {
  /**
   * The pattern's one colour (`#rrggbb`): its choice button, its swatch and bars in the debrief's chart
   * (styles.css reads it as `--pattern-colour`), and on the stage the messages that are its own.
   */
  colour: `#${string}`;
  /** Its client, shown in the debrief as "the code that ran": `src/patterns/<source>.ts`, plain `fetch`/`WebSocket` code. */
  source: string;
  /** Where a client's XState wiring lives apart from its plain code (`src/patterns/<wiring>.ts`), if it has one; shown after it. */
  wiring?: string;
  /** What a level may let the player tune, by the name the level files and `--param` use. */
  params: Record<string, ParamSpec>;
  /** The defences a level may let the player turn on or off, by the name the level files and `--param` use. */
  defences: Record<string, DefenceSpec>;
}

const on = { careful: true, where: 'client' } as const;
const off = { careful: false, where: 'client' } as const;

/**
 * The colours are Okabe and Ito's palette for colour-blind readers (sky blue, orange, reddish purple, bluish green,
 * yellow), with a lighter blue and a pale grey for the two patterns it has no more colours for: each pair stays
 * apart under protanopia, deuteranopia and tritanopia (tests/unit/palette.test.ts). Colour is never the only
 * difference: every place that shows it names the pattern in words too.
 */
export const patternRegistry = {
  polling: { colour: '#56b4e9', source: 'polling', wiring: 'polling-machine', params: { intervalMs: { unit: 'ms' } }, defences: { spread: on } },
  webhook: {
    colour: '#e69f00',
    source: 'webhook',
    wiring: 'webhook-machine',
    params: {},
    defences: { verify: on, dedupe: on, ordered: on, reconcile: off },
  },
  websocket: {
    colour: '#cc79a7',
    source: 'websocket',
    wiring: 'websocket-machine',
    params: {},
    defences: { heartbeat: on, jitter: on, conflate: { careful: false, where: 'server' } },
  },
  'plain-request': { colour: '#009e73', source: 'plain-request', params: {}, defences: {} },
  sse: { colour: '#f0e442', source: 'sse', params: {}, defences: { resume: on } },
  'direct-call': { colour: '#c9cfdb', source: 'direct-call', params: {}, defences: {} },
  'long-polling': { colour: '#2f86cf', source: 'long-polling', params: {}, defences: {} },
} as const satisfies Record<string, PatternSpec>;

/** A pattern by the name the command line and the level files use. */
export type PatternName = keyof typeof patternRegistry;

/** Every pattern, in the table's order (the order of the command line's help, for one). */
export const patternNames = Object.keys(patternRegistry) as readonly PatternName[];

/** Every parameter some pattern lets the player tune. */
export type PatternParam = { [P in PatternName]: keyof (typeof patternRegistry)[P]['params'] & string }[PatternName];

/** Every defence some pattern has, by name. */
export type DefenceName = { [P in PatternName]: keyof (typeof patternRegistry)[P]['defences'] & string }[PatternName];

/** Every defence, in the table's order; a name means the same in every pattern that has it. */
export const defenceNames = [...new Set(patternNames.flatMap((p) => Object.keys(patternRegistry[p].defences)))] as readonly DefenceName[];

/** The defences of one pattern. */
export function defencesOf(pattern: PatternName): DefenceName[] {
  return Object.keys(patternRegistry[pattern].defences) as DefenceName[];
}

/**
 * Whether a defence is on in a run: the run's params carry 1 or 0 for each defence the level offers;
 * one it does not offer is what a careful engineer does (`careful`).
 */
export function defenceOn(pattern: PatternName, params: Readonly<Record<string, number>>, name: DefenceName): boolean {
  const spec = (patternRegistry[pattern].defences as Record<string, DefenceSpec>)[name];
  if (!spec) return false;
  const given = params[name];
  return given === undefined ? spec.careful : given !== 0;
}

/** A client's file: what `source` or `wiring` names, for the loader of "the code that ran". */
export type PatternSource = {
  [P in PatternName]: (typeof patternRegistry)[P] extends { wiring: infer W }
    ? (typeof patternRegistry)[P]['source'] | W
    : (typeof patternRegistry)[P]['source'];
}[PatternName];

/** A parameter's spec by its name: a name means the same in every pattern that has it (a test holds this). */
export function paramSpec(name: PatternParam): ParamSpec {
  const spec = patternNames.map((p): ParamSpec | undefined => (patternRegistry[p].params as Record<string, ParamSpec>)[name]).find(Boolean);
  if (!spec) throw new Error(`No pattern has a parameter "${name}"`);
  return spec;
}
