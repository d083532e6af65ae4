import { migrate, type Versioning } from '../content/migrate.ts';
import type { PatternName } from '../content/patterns.ts';
import type { ProgressPort } from '../ui/ports.ts';
import type { KeyValueStore } from './storage.ts';

/**
 * Saved progress, versioned, with migrations from every older version. A value that is not ours,
 * or is damaged, is set aside (kept under a backup key) rather than thrown away, and whatever can
 * still be read from it is kept. It can be copied out as a short code and read back in, since
 * storage in an embedded game belongs to the host site.
 */
export const PROGRESS_KEY = 'push-or-poll:progress';
export const PROGRESS_VERSION = 2;
const CODE_PREFIX = 'PoP';

export interface LevelProgress {
  stars: number;
  patterns: PatternName[];
  runs: number;
  /** Some run met the level's verdict. Saved values without it were written when passing meant three stars. */
  passed: boolean;
}

export interface ProgressData {
  version: number;
  levels: Record<string, LevelProgress>;
  /** The level played last, to suggest where to go on. */
  last?: string;
}

const empty = (): ProgressData => ({ version: PROGRESS_VERSION, levels: {} });

/** How saved progress of older versions becomes the current one (the same helper as level files). */
const progressVersioning: Versioning = {
  field: 'version',
  current: PROGRESS_VERSION,
  steps: {
    1: {
      name: 'a run count and the last level played',
      // v1 had no run count and no last level: count one run per pattern tried.
      up: (old) => ({
        version: 2,
        levels: Object.fromEntries(
          Object.entries((old.levels ?? {}) as Record<string, { patterns?: unknown[] }>).map(([id, l]) => [
            id,
            { ...l, runs: Array.isArray(l?.patterns) ? l.patterns.length : 0 },
          ]),
        ),
      }),
    },
  },
};

function cleanLevel(value: unknown): LevelProgress | undefined {
  const v = value as Partial<LevelProgress>;
  if (typeof v !== 'object' || v === null) return undefined;
  const stars = typeof v.stars === 'number' && Number.isFinite(v.stars) ? Math.max(0, Math.min(3, Math.round(v.stars))) : 0;
  const patterns = Array.isArray(v.patterns) ? v.patterns.filter((p): p is PatternName => typeof p === 'string') : [];
  const runs = typeof v.runs === 'number' && Number.isFinite(v.runs) && v.runs >= 0 ? Math.round(v.runs) : patterns.length;
  const passed = typeof v.passed === 'boolean' ? v.passed : stars === 3;
  return { stars, patterns, runs, passed };
}

/** Read a saved value of any known version; anything unreadable is reported and recovered from. */
export function parseProgress(text: string | null): { data: ProgressData; damaged: boolean } {
  if (text === null) return { data: empty(), damaged: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { data: empty(), damaged: true };
  }
  const migrated = migrate(raw, progressVersioning);
  if (!migrated.ok) return { data: empty(), damaged: true };
  const value = migrated.value;
  if (typeof value.levels !== 'object' || value.levels === null) return { data: empty(), damaged: true };
  const data = empty();
  let damaged = false;
  for (const [id, level] of Object.entries(value.levels)) {
    const clean = cleanLevel(level);
    if (clean) data.levels[id] = clean;
    else damaged = true;
  }
  if (typeof value.last === 'string') data.last = value.last;
  return { data, damaged };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The short code: levels as id:stars pairs, enough to carry progress to another site. */
export function progressCode(data: ProgressData): string {
  const compact = Object.entries(data.levels).map(([id, l]) => [id, l.stars, l.patterns, l.runs, l.passed]);
  return `${CODE_PREFIX}${PROGRESS_VERSION}.${toBase64Url(JSON.stringify(compact))}`;
}

export function readProgressCode(code: string): ProgressData | undefined {
  const match = /^PoP(\d+)\.([A-Za-z0-9_-]+)$/.exec(code.trim());
  if (!match || Number(match[1]) !== PROGRESS_VERSION) return undefined;
  try {
    const rows = JSON.parse(fromBase64Url(match[2])) as Array<[string, number, PatternName[], number, boolean?]>;
    if (!Array.isArray(rows)) return undefined;
    const levels = Object.fromEntries(rows.map(([id, stars, patterns, runs, passed]) => [id, { stars, patterns, runs, passed }]));
    const parsed = parseProgress(JSON.stringify({ version: PROGRESS_VERSION, levels }));
    return parsed.damaged ? undefined : parsed.data;
  } catch {
    return undefined;
  }
}

export function createProgress(store: KeyValueStore): ProgressPort & { data(): ProgressData } {
  const text = store.get(PROGRESS_KEY);
  const parsed = parseProgress(text);
  let data = parsed.data;
  if (parsed.damaged && text !== null) store.set(`${PROGRESS_KEY}:damaged`, text);
  const save = () => store.set(PROGRESS_KEY, JSON.stringify(data));
  return {
    saving: store.persistent,
    recovered: parsed.damaged,
    data: () => data,
    stars: (id) => data.levels[id]?.stars ?? 0,
    last: () => data.last,
    record(id, pattern, stars, passed = false) {
      const level = data.levels[id] ?? { stars: 0, patterns: [], runs: 0, passed: false };
      level.stars = Math.max(level.stars, stars);
      level.passed ||= passed;
      level.runs++;
      if (!level.patterns.includes(pattern)) level.patterns.push(pattern);
      data.levels[id] = level;
      data.last = id;
      save();
    },
    exportCode: () => progressCode(data),
    importCode(code) {
      const read = readProgressCode(code);
      if (!read) return false;
      data = read;
      save();
      return true;
    },
    reset() {
      data = empty();
      save();
    },
  };
}
