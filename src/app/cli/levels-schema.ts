import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles, levelsDoc } from '../../content/json-schema.ts';
import { docsDir, levelsDir } from './node-levels.ts';

/** npm run levels:schema: write the JSON Schemas for authors' editors into levels/, and the field table of docs/levels.md. */
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(levelsDir, name), text);
  process.stdout.write(`wrote levels/${name}\n`);
}
const doc = join(docsDir, 'levels.md');
writeFileSync(doc, levelsDoc(readFileSync(doc, 'utf8')));
process.stdout.write('wrote the field table of docs/levels.md\n');
