import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLevels, buildCatalog, describeErrors, isFormatFile } from '../../content/catalog.ts';
import { jsonSchemaFiles, levelsDoc } from '../../content/json-schema.ts';
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
