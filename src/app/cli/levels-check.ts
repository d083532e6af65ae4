import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLevels, buildCatalog, describeErrors, isFormatFile } from '../../content/catalog.ts';
import { jsonSchemaFiles, levelsDoc } from '../../content/json-schema.ts';
import { languages } from '../../content/text/index.ts';
import { docsDir, levelsDir, readLevelFiles } from './node-levels.ts';

/**
 * npm run levels:check: validate every level file, check that each names the JSON Schema an editor
 * checks it with, and that the schemas in levels/ are the ones the game's format makes today.
 * Exit 1 and name each problem if any.
 */
const dir = process.argv[2] ?? levelsDir;
const files = readLevelFiles(dir);
const catalog = buildCatalog(files);
const problems = describeErrors(catalog.errors);

for (const [path, text] of Object.entries(files)) {
  if (isFormatFile(path)) continue;
  const wanted = path === 'index.json' ? './index.schema.json' : '../level.schema.json';
  try {
    const schema = (JSON.parse(text) as { $schema?: unknown }).$schema;
    if (schema !== wanted)
      problems.push(
        `levels/${path}: at $schema: expected ${JSON.stringify(wanted)} (so an editor checks the file), got ${schema === undefined ? 'nothing' : JSON.stringify(schema)}`,
      );
  } catch {
    // Already reported by the catalog as invalid JSON.
  }
}
/** Every string of a text tree by its path ("goals.fresh", "hints.0"). */
function textPaths(tree: unknown, path = ''): string[] {
  if (typeof tree === 'string') return [path];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => textPaths(value, path ? `${path}.${key}` : key));
}

// Every word a player reads in English, in every language the game speaks (src/content/text/index.ts): a level or
// a chapter that has none in one, or lacks one of the English keys, would show that language's player English.
for (const chapter of catalog.chapters) {
  for (const lang of languages) {
    if (!chapter.title[lang]) problems.push(`levels/index.json: at chapters.${chapter.id}.title.${lang}: expected the chapter's title in ${lang}, got nothing`);
  }
  for (const level of chapter.levels) {
    const file = `levels/${chapter.id}/${level.id}.json`;
    for (const lang of languages.filter((l) => l !== 'en')) {
      const text = level.text[lang];
      if (!text) {
        problems.push(`${file}: at text.${lang}: expected the level's words in ${lang}, got nothing`);
        continue;
      }
      const have = new Set(textPaths(text));
      for (const path of textPaths(level.text.en).filter((p) => !have.has(p))) {
        problems.push(`${file}: at text.${lang}.${path}: expected its words in ${lang} (text.en has them), got nothing`);
      }
    }
  }
}

if (dir === levelsDir) {
  for (const [name, text] of Object.entries(jsonSchemaFiles())) {
    const file = join(levelsDir, name);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      problems.push(`levels/${name}: out of date with src/content/schema.ts: run npm run levels:schema and commit it`);
    }
  }
  const doc = readFileSync(join(docsDir, 'levels.md'), 'utf8');
  if (levelsDoc(doc) !== doc) problems.push('docs/levels.md: its field table is out of date with src/content/schema.ts: run npm run levels:schema');
}

for (const line of problems) process.stderr.write(`${line}\n`);
const count = allLevels(catalog).length;
process.stdout.write(`${count} level${count === 1 ? '' : 's'} valid, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
process.exit(problems.length ? 1 : 0);
