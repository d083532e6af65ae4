/**
 * A small typed validator. Each schema is written once and gives three things: the TypeScript type of
 * what it accepts (`Infer`), a runtime check that names the path inside the value, what was expected and
 * what was there, and a JSON Schema fragment for editors (scripts/level-schema writes it to `levels/`).
 * A schema may also turn what an author wrote into what the game uses: a duration "30min" becomes 1800000.
 */

export interface Problem {
  path: string;
  expected: string;
  got: string;
}

export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  /** The value as the game uses it; problems found on the way are pushed to `problems`. */
  parse(value: unknown, path: string, problems: Problem[]): T;
  /** The same rules for an editor, as a JSON Schema (draft 2020-12) fragment. */
  readonly json: JsonSchema;
  /** Set by `optional()`: an object may leave this field out. */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail<T>(problems: Problem[], path: string, expected: string, value: unknown): T {
  problems.push({ path: path || '(top)', expected, got: describeValue(value) });
  return value as T;
}

/** The same schema with a description an editor shows beside the field. */
export function doc<S extends Schema<unknown>>(description: string, schema: S): S {
  return { ...schema, json: { ...schema.json, description } };
}

export function str(opts: { pattern?: RegExp; example?: string } = {}): Schema<string> {
  const json: JsonSchema = { type: 'string', minLength: 1 };
  if (opts.pattern) json.pattern = opts.pattern.source;
  return {
    json,
    parse(value, path, problems) {
      if (typeof value !== 'string') return fail(problems, path, 'a string', value);
      if (value.trim() === '') return fail(problems, path, 'a non-empty string', value);
      if (opts.pattern && !opts.pattern.test(value)) {
        return fail(problems, path, opts.example ? `a string like ${opts.example}` : `a string matching ${opts.pattern}`, value);
      }
      return value;
    },
  };
}

export function num(opts: { min?: number; max?: number; integer?: boolean } = {}): Schema<number> {
  const json: JsonSchema = { type: opts.integer ? 'integer' : 'number' };
  if (opts.min !== undefined) json.minimum = opts.min;
  if (opts.max !== undefined) json.maximum = opts.max;
  return {
    json,
    parse(value, path, problems) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(problems, path, 'a number', value);
      if (opts.integer && !Number.isInteger(value)) return fail(problems, path, 'a whole number', value);
      if (opts.min !== undefined && value < opts.min) return fail(problems, path, `a number >= ${opts.min}`, value);
      if (opts.max !== undefined && value > opts.max) return fail(problems, path, `a number <= ${opts.max}`, value);
      return value;
    },
  };
}

export function bool(): Schema<boolean> {
  return {
    json: { type: 'boolean' },
    parse: (value, path, problems) => (typeof value === 'boolean' ? value : fail(problems, path, 'true or false', value)),
  };
}

export function literal<const T extends readonly (string | number)[]>(...options: T): Schema<T[number]> {
  return {
    json: { enum: [...options] },
    parse: (value, path, problems) =>
      options.includes(value as T[number]) ? (value as T[number]) : fail(problems, path, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, value),
  };
}

export function arr<T>(item: Schema<T>, opts: { min?: number } = {}): Schema<T[]> {
  const json: JsonSchema = { type: 'array', items: item.json };
  if (opts.min !== undefined) json.minItems = opts.min;
  return {
    json,
    parse(value, path, problems) {
      if (!Array.isArray(value)) return fail(problems, path, 'a list', value);
      if (opts.min !== undefined && value.length < opts.min) return fail(problems, path, `a list of at least ${opts.min}`, value);
      return value.map((v, i) => item.parse(v, `${path}[${i}]`, problems));
    },
  };
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { optional: true } {
  return {
    json: schema.json,
    optional: true,
    parse: (value, path, problems) => (value === undefined ? undefined : schema.parse(value, path, problems)),
  };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

/** An object with exactly these keys (optional ones may be missing); unknown keys are problems too. */
export function obj<S extends Shape>(shape: S, opts: { allow?: string[] } = {}): Schema<ObjectOf<S>> {
  const allowed = new Set([...Object.keys(shape), ...(opts.allow ?? [])]);
  const properties = Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, s.json]));
  for (const key of opts.allow ?? []) properties[key] = {};
  return {
    json: {
      type: 'object',
      properties,
      required: Object.entries(shape)
        .filter(([, s]) => !s.optional)
        .map(([key]) => key),
      additionalProperties: false,
    },
    parse(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, path, 'an object', value);
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const parsed = schema.parse(record[key], join(path, key), problems);
        if (parsed !== undefined) out[key] = parsed;
      }
      for (const key of Object.keys(record)) {
        if (!allowed.has(key)) {
          problems.push({ path: join(path, key), expected: `no such field (known: ${Object.keys(shape).join(', ')})`, got: describeValue(record[key]) });
        }
      }
      return out as ObjectOf<S>;
    },
  };
}

/** An object used as a map: any keys (or only `keys`, then each may be missing), every value checked alike. */
export function record<T>(item: Schema<T>, keys?: undefined, keyPattern?: RegExp): Schema<Record<string, T>>;
export function record<T, K extends string>(item: Schema<T>, keys: readonly K[]): Schema<Partial<Record<K, T>>>;
export function record<T, K extends string>(item: Schema<T>, keys?: readonly K[], keyPattern?: RegExp): Schema<Partial<Record<K, T>>> {
  const json: JsonSchema = { type: 'object', additionalProperties: item.json };
  if (keys) json.propertyNames = { enum: [...keys] };
  else if (keyPattern) json.propertyNames = { pattern: keyPattern.source };
  return {
    json,
    parse(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, path, 'an object', value);
      const out: Record<string, T> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (keys && !keys.includes(key as K)) problems.push({ path: join(path, key), expected: `one of ${keys.join(', ')}`, got: JSON.stringify(key) });
        else if (keyPattern && !keyPattern.test(key)) problems.push({ path: join(path, key), expected: `a key like ${keyPattern}`, got: JSON.stringify(key) });
        else out[key] = item.parse(v, join(path, key), problems);
      }
      return out as Partial<Record<K, T>>;
    },
  };
}

/** Check a value against a schema: the parsed value, or every problem found. */
export function check<T>(schema: Schema<T>, value: unknown): { ok: true; value: T } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = schema.parse(value, '', problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed };
}

export function formatProblem(file: string, problem: Problem): string {
  return `${file}: at ${problem.path}: expected ${problem.expected}, got ${problem.got}`;
}
