import { parseLevel, type Level } from './schema.ts';
import { arr, check, formatProblem, obj, record, str, type Infer, type Problem } from './schema-kit.ts';

/**
 * The level catalog: the chapters in order and their levels, loaded from the raw text of
 * `levels/index.json` and each `levels/<chapter>/<id>.json`. A file that does not parse or validate
 * becomes an error naming the file and the place inside it; every other level still loads.
 */

export interface Chapter {
  id: string;
  title: Record<string, string>;
  levels: Level[];
}

export interface LevelError {
  file: string;
  problems: Problem[];
}

export interface Catalog {
  chapters: Chapter[];
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
      const json = parseJson(file, text);
      if (!json.ok) {
        errors.push(json.error);
        continue;
      }
      const parsed = parseLevel(json.value);
      if (!parsed.ok) errors.push({ file, problems: parsed.problems });
      else if (parsed.level.id !== levelId) {
        errors.push({ file, problems: [{ path: 'id', expected: JSON.stringify(levelId) + ' (the file name)', got: JSON.stringify(parsed.level.id) }] });
      } else levels.push(parsed.level);
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

export function allLevels(catalog: Catalog): Level[] {
  return catalog.chapters.flatMap((c) => c.levels);
}

export function findLevel(catalog: Catalog, id: string): Level | undefined {
  return allLevels(catalog).find((l) => l.id === id);
}

/** The level after `id` in campaign order, if any. */
export function nextLevel(catalog: Catalog, id: string): Level | undefined {
  const list = allLevels(catalog);
  const i = list.findIndex((l) => l.id === id);
  return i >= 0 ? list[i + 1] : undefined;
}

export function describeErrors(errors: LevelError[]): string[] {
  return errors.flatMap((e) => e.problems.map((p) => formatProblem(e.file, p)));
}
