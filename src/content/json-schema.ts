import { indexSchema } from './catalog.ts';
import { durationSpec } from './duration.ts';
import { levelSchema } from './schema.ts';

/**
 * The JSON Schemas an editor uses to complete and check level files, made from the same schemas the
 * game checks files with. `npm run levels:schema` writes them to levels/; `npm run levels:check`
 * fails when the files there are not what this makes (so they cannot go stale).
 */

const draft = 'https://json-schema.org/draft/2020-12/schema';

type Node = Record<string, unknown>;

/** What a schema fragment accepts, in a few words: "duration", "list of object", "one of …". */
function kindOf(node: Node): string {
  if (Array.isArray(node.oneOf)) {
    const ms = (node.oneOf as Node[])[0];
    if (ms.minimum === undefined) return 'number, or for a metric in ms a duration string';
    const range =
      ms.maximum !== undefined ? `${durationSpec(Number(ms.minimum))} to ${durationSpec(Number(ms.maximum))}` : `at least ${durationSpec(Number(ms.minimum))}`;
    return `duration, ${range} (ms, or "90s", "30min", "1h30min"…)`;
  }
  if (Array.isArray(node.enum)) return `one of ${(node.enum as unknown[]).map((e) => `\`${JSON.stringify(e)}\``).join(', ')}`;
  if (node.type === 'array') return `list of ${kindOf(node.items as Node)}`;
  if (node.type === 'object' && !node.properties) return `map of ${kindOf(node.additionalProperties as Node)}`;
  const range = [node.minimum !== undefined ? `>= ${node.minimum}` : '', node.maximum !== undefined ? `<= ${node.maximum}` : ''].filter(Boolean).join(', ');
  return `${String(node.type)}${range ? ` (${range})` : ''}`;
}

/** Every field of a level file, one row each, from the schema's own descriptions (for docs/levels.md). */
function levelFieldTable(): string {
  const rows: string[] = ['| field | required | what it holds | description |', '|---|---|---|---|'];
  const walk = (node: Node, path: string, required: boolean) => {
    if (path) rows.push(`| \`${path}\` | ${required ? 'yes' : ''} | ${kindOf(node)} | ${String(node.description ?? '').replace(/\|/g, '\\|')} |`);
    const inner = node.type === 'array' ? (node.items as Node) : node.type === 'object' && !node.properties ? (node.additionalProperties as Node) : node;
    const prefix = node.type === 'array' ? `${path}[]` : node.type === 'object' && !node.properties ? `${path}.<key>` : path;
    if (inner?.properties) {
      const req = new Set((inner.required as string[]) ?? []);
      for (const [key, child] of Object.entries(inner.properties as Record<string, Node>)) {
        if (key !== '$schema') walk(child, prefix ? `${prefix}.${key}` : key, req.has(key));
      }
    }
  };
  walk(levelSchema.json as Node, '', true);
  return rows.join('\n') + '\n';
}

/** docs/levels.md with its field table made anew between the markers. */
export function levelsDoc(current: string): string {
  const start = '<!-- fields:start -->\n';
  const end = '<!-- fields:end -->';
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  if (i < 0 || j < i) return current;
  return current.slice(0, i + start.length) + levelFieldTable() + current.slice(j);
}

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
