import type { JsonObject, Versioning } from './migrate.ts';

/**
 * How level files of older formats become the current one. Each step is tested
 * (tests/unit/level-format.test.ts) on a file of the format it upgrades from.
 */

const stopWords = new Set(['the', 'an', 'at', 'to', 'by', 'your', 'of', 'as', 'with', 'from', 'is']);

/** A status's key, made from its English words: "Out for delivery" becomes "out-for-delivery". */
function statusKey(words: string, taken: Set<string>): string {
  const base =
    words
      .toLowerCase()
      .replace(/\{[a-z]+\}/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .split('-')
      .filter((word) => word.length > 1 && !stopWords.has(word))
      .slice(0, 4)
      .join('-') || 'status';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/**
 * Format 1 referred to a status by its position in `text.en.statuses`, so the logic hung on the order of
 * the English text. Format 2 lists the statuses by key in `world.statuses`, each language maps keys to
 * words, and `world.updates[].status` is a key. Durations were numbers of ms, which format 2 still reads.
 */
function statusesByKey(old: JsonObject): JsonObject {
  const text = (old.text ?? {}) as Record<string, JsonObject>;
  const english = Array.isArray(text.en?.statuses) ? (text.en.statuses as unknown[]) : [];
  const taken = new Set<string>();
  const keys = english.map((words) => statusKey(String(words), taken));
  const world = (old.world ?? {}) as JsonObject;
  const updates = Array.isArray(world.updates) ? (world.updates as JsonObject[]) : world.updates;
  return {
    ...old,
    schemaVersion: 2,
    world: {
      durationMs: world.durationMs,
      statuses: keys,
      ...world,
      updates: Array.isArray(updates) ? updates.map((u) => (typeof u?.status === 'number' && keys[u.status] ? { ...u, status: keys[u.status] } : u)) : updates,
    },
    text: Object.fromEntries(
      Object.entries(text).map(([lang, t]) => [
        lang,
        Array.isArray(t?.statuses) ? { ...t, statuses: Object.fromEntries((t.statuses as unknown[]).map((words, i) => [keys[i] ?? `status-${i}`, words])) } : t,
      ]),
    ),
  };
}

export const levelVersioning: Versioning = {
  field: 'schemaVersion',
  current: 2,
  steps: { 1: { name: 'statuses by key instead of by position', up: statusesByKey } },
};
