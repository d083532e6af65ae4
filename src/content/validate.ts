/**
 * A small runtime validator: each check returns the problems it found, each naming the path inside
 * the value, what was expected and what was there. Level files are checked with it at load.
 */

export interface Problem {
  path: string;
  expected: string;
  got: string;
}

export type Check = (value: unknown, path: string) => Problem[];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const fail = (path: string, expected: string, value: unknown): Problem[] => [
  { path: path || '(top)', expected, got: describe(value) },
];

export const str =
  (opts: { pattern?: RegExp; nonEmpty?: boolean } = {}): Check =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'a string', value);
    if (opts.nonEmpty !== false && value.trim() === '') return fail(path, 'a non-empty string', value);
    if (opts.pattern && !opts.pattern.test(value)) return fail(path, `a string matching ${opts.pattern}`, value);
    return [];
  };

export const num =
  (opts: { min?: number; max?: number; integer?: boolean } = {}): Check =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'a number', value);
    if (opts.integer && !Number.isInteger(value)) return fail(path, 'a whole number', value);
    if (opts.min !== undefined && value < opts.min) return fail(path, `a number >= ${opts.min}`, value);
    if (opts.max !== undefined && value > opts.max) return fail(path, `a number <= ${opts.max}`, value);
    return [];
  };

export const bool = (): Check => (value, path) => (typeof value === 'boolean' ? [] : fail(path, 'true or false', value));

export const literal =
  <T extends string | number>(...options: T[]): Check =>
  (value, path) =>
    options.includes(value as T) ? [] : fail(path, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, value);

export const arr =
  (item: Check, opts: { min?: number } = {}): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'a list', value);
    if (opts.min !== undefined && value.length < opts.min) return fail(path, `a list of at least ${opts.min}`, value);
    return value.flatMap((v, i) => item(v, `${path}[${i}]`));
  };

export const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined ? [] : check(value, path);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** An object with exactly these keys (optional ones may be missing); unknown keys are problems too. */
export const obj =
  (shape: Record<string, Check>): Check =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object', value);
    const record = value as Record<string, unknown>;
    const problems = Object.entries(shape).flatMap(([key, check]) => check(record[key], join(path, key)));
    for (const key of Object.keys(record)) {
      if (!(key in shape)) problems.push({ path: join(path, key), expected: `no such field (known: ${Object.keys(shape).join(', ')})`, got: describe(record[key]) });
    }
    return problems;
  };

/** An object used as a map: any keys (optionally limited), every value checked alike. */
export const record =
  (value: Check, keys?: readonly string[]): Check =>
  (input, path) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(path, 'an object', input);
    return Object.entries(input as Record<string, unknown>).flatMap(([key, v]) =>
      keys && !keys.includes(key)
        ? [{ path: join(path, key), expected: `one of ${keys.join(', ')}`, got: JSON.stringify(key) }]
        : value(v, join(path, key)),
    );
  };

export function formatProblem(file: string, problem: Problem): string {
  return `${file}: at ${problem.path}: expected ${problem.expected}, got ${problem.got}`;
}
