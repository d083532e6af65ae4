import { readFileSync, writeFileSync } from 'node:fs';
import { authorForm } from '../../content/author-form.ts';
import { parseLevel } from '../../content/schema.ts';
import { formatProblem } from '../../content/schema-kit.ts';

/**
 * npm run levels:migrate -- <file>...: rewrite level files of an older format in the current one, with
 * durations as strings and the `$schema` an editor checks them with. A file that still has problems
 * after the upgrade is rewritten too, and its problems are listed (exit 1).
 */
const files = process.argv.slice(2);
if (!files.length) {
  process.stderr.write('usage: npm run levels:migrate -- levels/<chapter>/<id>.json ...\n');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`${file}: at (top): expected valid JSON, got ${(e as Error).message}\n`);
    failed++;
    continue;
  }
  const upgraded = authorForm(raw);
  if (!upgraded.ok) {
    process.stderr.write(formatProblem(file, upgraded.problem) + '\n');
    failed++;
    continue;
  }
  writeFileSync(file, JSON.stringify(upgraded.level, null, 2) + '\n');
  const parsed = parseLevel(upgraded.level);
  if (parsed.ok) process.stdout.write(`${file}: now format ${String(upgraded.level.schemaVersion)}\n`);
  else {
    failed++;
    for (const problem of parsed.problems) process.stderr.write(formatProblem(file, problem) + '\n');
  }
}
process.exit(failed ? 1 : 0);
