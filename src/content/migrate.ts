import { describeValue, type Problem } from './schema-kit.ts';

/**
 * One way to bring a versioned value up to date, shared by level files and saved progress. Each step
 * is named and upgrades from one version to the next; the value's version lives in `field`.
 */

export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** What the step does, for people: "statuses by key instead of by position". */
  name: string;
  up(old: JsonObject): JsonObject;
}

export interface Versioning {
  /** The field that holds the version ("schemaVersion", "version"). */
  field: string;
  current: number;
  /** Keyed by the version each step upgrades from. */
  steps: Record<number, Migration>;
}

export type Migrated = { ok: true; value: JsonObject; from: number } | { ok: false; problem: Problem };

export function migrate(raw: unknown, versioning: Versioning): Migrated {
  const { field, current, steps } = versioning;
  const problem = (expected: string, got: unknown): Migrated => ({ ok: false, problem: { path: field, expected, got: describeValue(got) } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: { path: '(top)', expected: 'an object', got: describeValue(raw) } };
  }
  let value = raw as JsonObject;
  const from = value[field];
  const known = `a version from ${Math.min(current, ...Object.keys(steps).map(Number))} to ${current}`;
  if (typeof from !== 'number' || !Number.isInteger(from)) return problem(known, from);
  if (from > current) return problem(`${known} (this file is newer than the game)`, from);
  while ((value[field] as number) < current) {
    const step = steps[value[field] as number];
    if (!step) return problem(known, value[field]);
    value = step.up(value);
  }
  return { ok: true, value, from };
}
