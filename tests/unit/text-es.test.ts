import { describe, expect, it } from 'vitest';
import { en } from '../../src/content/text/en.ts';
import { es } from '../../src/content/text/es.ts';
import { levels } from './helpers.ts';

/** Every string of a text tree, by its path ("debrief.fitWhy"). */
function strings(tree: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof tree === 'string') found.set(path, tree);
  else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) for (const [p, s] of strings(value, path ? `${path}.${key}` : key)) found.set(p, s);
  }
  return found;
}

/** Every key of a text tree, objects included, so a missing or extra branch shows by name. */
function keys(tree: unknown, path = ''): string[] {
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => {
    const here = path ? `${path}.${key}` : key;
    return [here, ...keys(value, here)];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

/**
 * The only strings that may read the same in Spanish: the game's name, and the names of patterns and of defences as
 * Spanish-speaking developers say them. Anything else identical to the English was left untranslated.
 */
const sameInBoth = new Set([
  'Push or Poll',
  'url',
  'error',
  '{clock}: {line}',
  'Polling',
  'Webhook',
  'Webhooks',
  'WebSocket',
  'Server-Sent Events',
  'Long polling',
  'heartbeat',
  'jitter',
  // A log line's words that Spanish writes the same: a delivery is a "webhook", an error an "error".
  'webhook {label}',
  ' (error)',
  // On the stage: a misstep's call-out is the trace's own words, a status code is a number, a message kind a protocol word.
  '{label}',
  '429',
  'webhook',
]);

describe('the Spanish text of the game', () => {
  const english = strings(en);
  const spanish = strings(es);

  it('has every key of the English, and no other', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('has words in every string', () => {
    for (const [path, words] of spanish) expect(words.trim(), path).not.toBe('');
  });

  it('keeps every placeholder of each English string, and adds none', () => {
    for (const [path, words] of english) expect(placeholders(spanish.get(path) ?? ''), path).toEqual(placeholders(words));
  });

  it('translates every string except names and protocol words', () => {
    const untranslated = [...english].filter(([path, words]) => spanish.get(path) === words && !sameInBoth.has(words)).map(([path]) => path);
    expect(untranslated).toEqual([]);
  });

  it('uses the allow-list only for strings that are in the English (so it stays short and true)', () => {
    const englishWords = new Set(english.values());
    for (const words of sameInBoth) expect(englishWords.has(words), words).toBe(true);
  });
});

/** Names of people, which stay as they are in every language. */
const names = new Set(['Ana', 'Ben', 'Chen', 'Iris', 'Omar', 'Lena']);

describe('the Spanish text of every level', () => {
  for (const level of levels) {
    describe(level.id, () => {
      const english = strings(level.text.en);
      const spanish = strings(level.text.es);

      it('has every field of the English (title, story, rule, hints, people…), and no other', () => {
        expect(level.text.es, 'no text.es').toBeDefined();
        expect(keys(level.text.es).sort()).toEqual(keys(level.text.en).sort());
      });

      it('keeps every placeholder ({by}, {v}) of each English string', () => {
        for (const [path, words] of english) expect(placeholders(spanish.get(path) ?? ''), path).toEqual(placeholders(words));
      });

      it('translates every string except names of people', () => {
        const untranslated = [...english].filter(([path, words]) => spanish.get(path) === words && !names.has(words)).map(([path]) => path);
        expect(untranslated).toEqual([]);
      });
    });
  }
});
