import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../../content/json-schema.ts';
import { levelsDir } from './node-levels.ts';

/** npm run levels:schema: write the JSON Schemas for level authors' editors into levels/. */
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(levelsDir, name), text);
  process.stdout.write(`wrote levels/${name}\n`);
}
