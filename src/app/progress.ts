import type { PatternName } from '../content/patterns.ts';
import type { ProgressPort } from '../ui/ports.ts';
import type { KeyValueStore } from './storage.ts';

/**
 * Saved progress, versioned. A value that is not ours, or is damaged, is set aside (kept under a
 * backup key) rather than thrown away, and whatever can still be read from it is kept.
 */
export const PROGRESS_KEY = 'push-or-poll:progress';
export const PROGRESS_VERSION = 1;

export interface LevelProgress {
  stars: number;
  patterns: PatternName[];
}

export interface ProgressData {
  version: number;
  levels: Record<string, LevelProgress>;
}

const empty = (): ProgressData => ({ version: PROGRESS_VERSION, levels: {} });

function cleanLevel(value: unknown): LevelProgress | undefined {
  const v = value as Partial<LevelProgress>;
  if (typeof v !== 'object' || v === null) return undefined;
  const stars = typeof v.stars === 'number' && Number.isFinite(v.stars) ? Math.max(0, Math.min(3, Math.round(v.stars))) : 0;
  const patterns = Array.isArray(v.patterns) ? v.patterns.filter((p): p is PatternName => typeof p === 'string') : [];
  return { stars, patterns };
}

/** Read saved progress; anything unreadable is reported and recovered from. */
export function parseProgress(text: string | null): { data: ProgressData; damaged: boolean } {
  if (text === null) return { data: empty(), damaged: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { data: empty(), damaged: true };
  }
  const value = raw as Partial<ProgressData>;
  if (typeof value !== 'object' || value === null || value.version !== PROGRESS_VERSION || typeof value.levels !== 'object' || value.levels === null) {
    return { data: empty(), damaged: true };
  }
  const data = empty();
  let damaged = false;
  for (const [id, level] of Object.entries(value.levels)) {
    const clean = cleanLevel(level);
    if (clean) data.levels[id] = clean;
    else damaged = true;
  }
  return { data, damaged };
}

export function createProgress(store: KeyValueStore): ProgressPort & { data(): ProgressData } {
  const text = store.get(PROGRESS_KEY);
  const { data, damaged } = parseProgress(text);
  if (damaged && text !== null) store.set(`${PROGRESS_KEY}:damaged`, text);
  return {
    saving: store.persistent,
    data: () => data,
    stars: (id) => data.levels[id]?.stars ?? 0,
    record(id, pattern, stars) {
      const level = data.levels[id] ?? { stars: 0, patterns: [] };
      level.stars = Math.max(level.stars, stars);
      if (!level.patterns.includes(pattern)) level.patterns.push(pattern);
      data.levels[id] = level;
      store.set(PROGRESS_KEY, JSON.stringify(data));
    },
  };
}
