import { indexSchema } from './catalog.ts';
import { levelSchema } from './schema.ts';

/**
 * The JSON Schemas an editor uses to complete and check level files, made from the same schemas the
 * game checks files with. `npm run levels:schema` writes them to levels/; `npm run levels:check`
 * fails when the files there are not what this makes (so they cannot go stale).
 */

const draft = 'https://json-schema.org/draft/2020-12/schema';

export function jsonSchemaFiles(): Record<string, string> {
  const level = {
    $schema: draft,
    $id: 'level.schema.json',
    title: 'Push or Poll level (format 2)',
    description: 'One level of Push or Poll: the world, the patterns offered, the goals and the words. See docs/levels.md.',
    ...levelSchema.json,
  };
  const index = {
    $schema: draft,
    $id: 'index.schema.json',
    title: 'Push or Poll chapters',
    description: 'The chapters in order, each with its title by language and its levels by id (levels/<chapter>/<id>.json).',
    ...indexSchema.json,
  };
  return {
    'level.schema.json': JSON.stringify(level, null, 2) + '\n',
    'index.schema.json': JSON.stringify(index, null, 2) + '\n',
  };
}
