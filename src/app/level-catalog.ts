import { catalog, loaders } from 'virtual:level-catalog';
import { readLevel, type Catalog, type LevelEntry } from '../content/catalog.ts';
import { problemLines } from '../content/problem-words.ts';
import { say } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import { words } from '../content/text/index.ts';

/**
 * The levels as the browser gets them: the list (every level's id, rule and title, and any file that
 * did not load, found when the game was built) comes with the entry; a level's whole file is fetched
 * when it opens, and checked again as it is parsed.
 */
export const levelIndex: Catalog<LevelEntry> = catalog;

export async function loadLevel(id: string): Promise<Level> {
  const load = loaders[id];
  if (!load) throw new Error(say(words().problems.noFile, { id }));
  const { file, text } = await load();
  const read = readLevel(file, text, id);
  // In the player's language: the game's notice shows it (src/flow/game-machine.ts, unloadable).
  if (!read.ok) throw new Error(problemLines([read.error]).join('; '));
  return read.level;
}
