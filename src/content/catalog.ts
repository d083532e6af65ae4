import { parseLevel, type Level } from './schema.ts';
import { arr, check, formatProblem, obj, record, str, type Infer, type Problem } from './schema-kit.ts';

/**
 * The level catalog: the chapters in order and their levels, loaded from the raw text of
 * `levels/index.json` and each `levels/<chapter>/<id>.json`. A file that does not parse or validate
 * becomes an error naming the file and the place inside it; every other level still loads.
 */

/**
 * What the level list, the field guide and the address need of a level, without its world and words:
 * the browser's entry carries only these (src/app/level-catalog.ts), and loads a level's file when it opens.
 */
export interface LevelEntry {
  id: string;
  rule: Level['rule'];
  text: Record<string, { title: string } | undefined>;
}

export interface Chapter<L extends LevelEntry = Level> {
  id: string;
  title: Record<string, string>;
  levels: L[];
}

export interface LevelError {
  file: string;
  problems: Problem[];
}

export interface Catalog<L extends LevelEntry = Level> {
  chapters: Array<Chapter<L>>;
  errors: LevelError[];
}

/** levels/index.json: the chapters in order, each with its title by language and its levels by id. */
export const indexSchema = obj({ chapters: arr(obj({ id: str(), title: record(str()), levels: arr(str()) }), { min: 1 }) }, { allow: ['$schema'] });
type IndexFile = Infer<typeof indexSchema>;

/** Files under levels/ that describe the format (JSON Schemas for editors), not levels. */
export const isFormatFile = (path: string) => path.endsWith('.schema.json');

function parseJson(file: string, text: string): { ok: true; value: unknown } | { ok: false; error: LevelError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: { file, problems: [{ path: '(top)', expected: 'valid JSON', got: (e as Error).message }] } };
  }
}

/** One level file's text as a level, or the problems that keep it from being one (`file` names it in them). */
export function readLevel(file: string, text: string, levelId: string): { ok: true; level: Level } | { ok: false; error: LevelError } {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  const parsed = parseLevel(json.value);
  if (!parsed.ok) return { ok: false, error: { file, problems: parsed.problems } };
  if (parsed.level.id !== levelId) {
    return {
      ok: false,
      error: { file, problems: [{ path: 'id', expected: JSON.stringify(levelId) + ' (the file name)', got: JSON.stringify(parsed.level.id) }] },
    };
  }
  return { ok: true, level: parsed.level };
}

/** `files` maps paths relative to `levels/` ("orders-and-payments/wheres-my-package.json") to their text. */
export function buildCatalog(files: Record<string, string>): Catalog {
  const errors: LevelError[] = [];
  const indexText = files['index.json'];
  if (indexText === undefined) {
    return { chapters: [], errors: [{ file: 'levels/index.json', problems: [{ path: '(top)', expected: 'the file', got: 'nothing' }] }] };
  }
  const index = parseJson('levels/index.json', indexText);
  if (!index.ok) return { chapters: [], errors: [index.error] };
  const checked = check(indexSchema, index.value);
  if (!checked.ok) return { chapters: [], errors: [{ file: 'levels/index.json', problems: checked.problems }] };

  const listed = new Set<string>();
  const chapters = (checked.value as IndexFile).chapters.map((chapter) => {
    const levels: Level[] = [];
    for (const levelId of chapter.levels) {
      const path = `${chapter.id}/${levelId}.json`;
      listed.add(path);
      const file = `levels/${path}`;
      const text = files[path];
      if (text === undefined) {
        errors.push({ file, problems: [{ path: '(top)', expected: `the file listed in levels/index.json`, got: 'nothing' }] });
        continue;
      }
      const read = readLevel(file, text, levelId);
      if (read.ok) levels.push(read.level);
      else errors.push(read.error);
    }
    return { id: chapter.id, title: chapter.title as Record<string, string>, levels };
  });
  for (const path of Object.keys(files)) {
    if (path !== 'index.json' && !isFormatFile(path) && !listed.has(path)) {
      errors.push({ file: `levels/${path}`, problems: [{ path: '(top)', expected: 'a file listed in levels/index.json', got: 'a file no chapter lists' }] });
    }
  }
  return { chapters, errors };
}

export function allLevels<L extends LevelEntry>(catalog: Catalog<L>): L[] {
  return catalog.chapters.flatMap((c) => c.levels);
}

export function findLevel<L extends LevelEntry>(catalog: Catalog<L>, id: string): L | undefined {
  return allLevels(catalog).find((l) => l.id === id);
}

/** A level's entry in the list: its id, its rule and its title in each language. */
export function entryOf(level: Level): LevelEntry {
  return { id: level.id, rule: level.rule, text: Object.fromEntries(Object.entries(level.text).map(([lang, t]) => [lang, t && { title: t.title }])) };
}

/** The catalog as the list needs it: every level by its entry, the errors as they are. */
export function indexOf(catalog: Catalog): Catalog<LevelEntry> {
  return { chapters: catalog.chapters.map((c) => ({ ...c, levels: c.levels.map(entryOf) })), errors: catalog.errors };
}

/** A level entry that is the whole level (a catalog built from the files at once, as Node and the tests build it). */
export function isWholeLevel(entry: LevelEntry | Level | undefined): entry is Level {
  return entry !== undefined && 'world' in entry;
}

/** The level after `id` in campaign order, if any. */
export function nextLevel<L extends LevelEntry>(catalog: Catalog<L>, id: string): L | undefined {
  const list = allLevels(catalog);
  const i = list.findIndex((l) => l.id === id);
  return i >= 0 ? list[i + 1] : undefined;
}

export function describeErrors(errors: LevelError[]): string[] {
  return errors.flatMap((e) => e.problems.map((p) => formatProblem(e.file, p)));
}
