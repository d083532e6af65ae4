import { describeValue, type Schema } from './schema-kit.ts';

/**
 * Durations in level files: a number of milliseconds, or a string of one or more amounts with units,
 * largest first ("250ms", "90s", "30min", "3h", "2d", "3h12min13s"). The game always works in ms.
 */

const units = { d: 86_400_000, h: 3_600_000, min: 60_000, s: 1000, ms: 1 } as const;
type Unit = keyof typeof units;
const order: Unit[] = ['d', 'h', 'min', 's', 'ms'];

/** One or more amounts with units, each unit at most once and largest first ("1h30min", not "30min1h"). */
export const DURATION_PATTERN = /^(?=\d)(\d+(\.\d+)?d)?(\d+(\.\d+)?h)?(\d+(\.\d+)?min)?(\d+(\.\d+)?s)?(\d+(\.\d+)?ms)?$/;
const part = /(\d+(?:\.\d+)?)(d|h|min|s|ms)/g;

/** The milliseconds a duration string stands for, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(part)) total += Number(amount) * units[unit as Unit];
  return Math.round(total);
}

/** The shortest exact way to write `ms` as a duration string ("3h12min13s"); the inverse of parseDuration. */
export function durationSpec(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of order) {
    const amount = Math.floor(rest / units[unit]);
    if (amount > 0) {
      out += `${amount}${unit}`;
      rest -= amount * units[unit];
    }
  }
  return out;
}

/** A duration as a level file may hold it, in ms: a finite number, or a duration string; else undefined. */
function toMs(value: unknown): number | undefined {
  if (typeof value === 'string') return parseDuration(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** How a duration field's range reads: "between 1s and 30d", "at least 0s". */
function durationRange(min: number, max?: number): string {
  return max !== undefined ? `between ${durationSpec(min)} and ${durationSpec(max)}` : `at least ${durationSpec(min)}`;
}

const FORMAT = 'milliseconds, or amounts with units largest first such as "250ms", "90s", "30min", "1h30min", "2d"';

/** A duration field: a number of ms or a duration string, at least `min` ms and at most `max`. */
export function duration(opts: { min?: number; max?: number } = {}): Schema<number> {
  const min = opts.min ?? 0;
  const range = durationRange(min, opts.max);
  return {
    json: {
      description: `A duration ${range}.`,
      oneOf: [
        { type: 'number', minimum: min, ...(opts.max !== undefined ? { maximum: opts.max } : {}), description: 'milliseconds' },
        { type: 'string', pattern: DURATION_PATTERN.source, description: `amounts with units, largest first ("90s", "30min", "1h30min"), ${range}` },
      ],
    },
    parse(value, path, problems) {
      const ms = toMs(value);
      if (ms === undefined) {
        problems.push({ path: path || '(top)', expected: `a duration (${FORMAT})`, got: describeValue(value) });
      } else if (ms < min || (opts.max !== undefined && ms > opts.max)) {
        problems.push({ path: path || '(top)', expected: `a duration ${range}`, got: describeValue(value) });
      } else return ms;
      return value as number;
    },
  };
}

/** A goal's bound: a number, or for a metric in ms a duration string (checked against the metric later). */
export function amount(): Schema<number> {
  return {
    json: { oneOf: [{ type: 'number' }, { type: 'string', pattern: DURATION_PATTERN.source }] },
    parse(value, path, problems) {
      const ms = toMs(value);
      if (ms !== undefined) return ms;
      problems.push({ path: path || '(top)', expected: `a number (or, for a metric in ms, a duration: ${FORMAT})`, got: describeValue(value) });
      return value as number;
    },
  };
}
