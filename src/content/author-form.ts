import { isDurationMetric } from '../sim/metrics.ts';
import { DURATION_PATTERN, durationSpec } from './duration.ts';
import { levelVersioning } from './level-migrations.ts';
import { migrate, type JsonObject } from './migrate.ts';
import { levelSchema } from './schema.ts';
import type { Problem } from './schema-kit.ts';

/**
 * A level as an author would write it: the current format, its `$schema` first, durations as strings
 * ("3h12min13s" rather than 11533000). Used by `npm run levels:migrate` to upgrade old files.
 */

type Node = Record<string, unknown>;

const isDuration = (node: Node | undefined) => Array.isArray(node?.oneOf) && (node.oneOf as Node[]).some((o) => o.pattern === DURATION_PATTERN.source);

function durationsAsText(value: unknown, node: Node | undefined): unknown {
  if (isDuration(node) && typeof value === 'number' && Number.isInteger(value) && value >= 0) return durationSpec(value);
  if (Array.isArray(value)) return value.map((v) => durationsAsText(v, node?.items as Node | undefined));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Node;
  // A goal's bound is a duration only when its metric is measured in ms.
  const countGoal = typeof record.metric === 'string' && !isDurationMetric(record.metric);
  return Object.fromEntries(
    Object.entries(record).map(([key, v]) => {
      const properties = node?.properties as Record<string, Node> | undefined;
      const child = properties?.[key] ?? (typeof node?.additionalProperties === 'object' ? (node.additionalProperties as Node) : undefined);
      return [key, countGoal && (key === 'max' || key === 'min') ? v : durationsAsText(v, child)];
    }),
  );
}

export function authorForm(raw: unknown): { ok: true; level: JsonObject } | { ok: false; problem: Problem } {
  const migrated = migrate(raw, levelVersioning);
  if (!migrated.ok) return migrated;
  const level = durationsAsText(migrated.value, levelSchema.json as Node) as JsonObject;
  delete level.$schema;
  return { ok: true, level: { $schema: '../level.schema.json', schemaVersion: level.schemaVersion, ...level } };
}
