import { durationSpec, parseDuration } from './duration.ts';
import { patternRegistry, type DefenceName } from './pattern-registry.ts';
import type { PatternName } from './patterns.ts';
import type { Level, ParamRange } from './schema.ts';

/** The parameters a level lets the player tune for a pattern, with their ranges: the registry's, where the level gives a range. */
export function paramRanges(level: Level, pattern: PatternName): Record<string, ParamRange> {
  const given: Partial<Record<PatternName, Partial<Record<string, ParamRange>>>> = level.patterns.params;
  return Object.fromEntries(Object.keys(patternRegistry[pattern].params).flatMap((name) => (given[pattern]?.[name] ? [[name, given[pattern][name]]] : [])));
}

/** The defences a level lets the player turn on or off for a pattern (each starts off). */
export function offeredDefences(level: Level, pattern: PatternName): DefenceName[] {
  const given: Partial<Record<PatternName, DefenceName[]>> = level.patterns.defences ?? {};
  return given[pattern] ?? [];
}

/** Where a run starts: each range's default, and each offered defence off (0). */
export function defaultParams(level: Level, pattern: PatternName): Record<string, number> {
  return {
    ...Object.fromEntries(Object.entries(paramRanges(level, pattern)).map(([name, r]) => [name, r.default])),
    ...Object.fromEntries(offeredDefences(level, pattern).map((name) => [name, 0])),
  };
}

/** The level's defaults with the given values over them; a value outside its range is an error. */
export function resolveParams(
  level: Level,
  pattern: PatternName,
  given: Record<string, number> = {},
): { ok: true; params: Record<string, number> } | { ok: false; error: string } {
  const ranges = paramRanges(level, pattern);
  const defences: string[] = offeredDefences(level, pattern);
  for (const [name, value] of Object.entries(given)) {
    if (defences.includes(name)) {
      if (value !== 0 && value !== 1) return { ok: false, error: `${name} is a defence: on or off (1 or 0), got ${value}` };
      continue;
    }
    const range = ranges[name];
    if (!range) {
      const known = [...Object.keys(ranges), ...defences];
      return { ok: false, error: `${pattern} has no parameter "${name}"${known.length ? ` (it has: ${known.join(', ')})` : ''}` };
    }
    if (!(value >= range.min && value <= range.max)) {
      // Every tunable parameter today is a duration in ms (the registry's unit): say it as one.
      return {
        ok: false,
        error: `${name} must be between ${durationSpec(range.min)} and ${durationSpec(range.max)} here, got ${durationSpec(value)} (${value} ms)`,
      };
    }
  }
  return { ok: true, params: { ...defaultParams(level, pattern), ...given } };
}

/** A parameter as the command line gives it: a number (ms for a duration), a duration such as "30s", or on/off for a defence (1/0). */
export function parseParam(text: string): number | undefined {
  if (/^(on|off)$/i.test(text.trim())) return text.trim().toLowerCase() === 'on' ? 1 : 0;
  const n = Number(text);
  if (text.trim() !== '' && Number.isFinite(n)) return n;
  return parseDuration(text.trim());
}
