import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { monthlyCost } from '../../content/cost.ts';
import { decodeWorld, worldToLevel } from '../../content/playground.ts';
import { clientsOf, type Level } from '../../content/schema.ts';
import type { PatternName } from '../../content/patterns.ts';
import { allLevels, describeErrors, findLevel } from '../../content/catalog.ts';
import { applyOverrides, parseValue } from '../../content/overrides.ts';
import { isPatternName, patternNames } from '../../content/patterns.ts';
import { formatMetric, formatTarget, levelText, shownMetrics, starsText } from '../../content/present.ts';
import { en } from '../../content/text/en.ts';
import { formatProblem } from '../../content/schema-kit.ts';
import { nodeHost } from '../../net/node-host.ts';
import { parseParam, resolveParams } from '../../content/params.ts';
import { simulate, type RunResult } from '../../run/session.ts';
import type { DefenceName } from '../../content/pattern-registry.ts';
import { loadCatalog } from './node-levels.ts';

/**
 * npm run simulate -- <level-id> --pattern <name> [--seed N] [--param name=value]... [--set path=value]... [--json]
 * npm run simulate -- --world <file or encoded world> --all-patterns [--json]   (the playground's world: src/content/playground.ts)
 * npm run simulate -- --list [--json]
 */

const usage = `Usage:
  npm run simulate -- <level-id> --pattern <${patternNames.join('|')}> [--seed N] [--param name=value]... [--set path=value]... [--json]
  npm run simulate -- <level-id> --all-patterns [--seed N] [--set path=value]... [--json]
  npm run simulate -- --world <file | encoded world> --all-patterns [--seed N] [--json]
  npm run simulate -- --list [--json]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function pairs(list: string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) fail(`--${what} takes name=value, got "${item}"`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** Where the simulated clients stand for a crowd: the peaks scaled to it, labelled as not simulated. */
function extrapolated(result: RunResult): string[] {
  const audience = result.level.audience;
  if (!audience) return [];
  const clients = clientsOf(result.level).length;
  const factor = audience / clients;
  const peaks = ['peakRequestsPerSecond', 'peakReconnectsPerSecond', 'peakConnections'] as const;
  return [
    '',
    `Extrapolated to ${audience.toLocaleString('en')} (× ${Math.round(factor).toLocaleString('en')} the ${clients} simulated clients), not simulated`,
    ...peaks.map((m) => `  ${en.metrics[m].padEnd(38)} ${Math.round(result.metrics[m] * factor).toLocaleString('en')}`),
  ];
}

function printText(result: RunResult): void {
  const text = levelText(result.level);
  const params =
    Object.entries(result.params)
      .map(([k, v]) => `${k}=${k in en.defences ? (v ? 'on' : 'off') : v}`)
      .join(' ') || 'none';
  const caught = Object.entries(result.caught);
  const lines = [
    `${text.title} (${result.level.id}), rule ${result.level.rule}`,
    `Pattern: ${result.pattern}   params: ${params}   seed: ${result.seed}`,
    '',
    'Measured',
    ...shownMetrics(result.level, result.metrics).map((m) => `  ${en.metrics[m].padEnd(38)} ${formatMetric(m, result.metrics[m])}`),
    '',
    'Goals',
    ...result.goals.map(
      (g) =>
        `  ${g.met ? 'met   ' : 'missed'} ${g.point ? '(the point) ' : ''}${text.goals[g.id]}: measured ${formatMetric(g.metric, g.measured)}, ${formatTarget(g)}`,
    ),
    ...extrapolated(result),
    ...(caught.length ? ['', 'Caught by a defence', ...caught.map(([name, n]) => `  ${en.defences[name as DefenceName]?.label ?? name}: ${n}`)] : []),
    '',
    `Verdict: ${starsText(result.verdict.stars)}, ${result.verdict.passed ? 'passed' : 'not passed'}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        pattern: { type: 'string' },
        seed: { type: 'string' },
        param: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        world: { type: 'string' },
        'all-patterns': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  const catalog = loadCatalog();
  for (const line of describeErrors(catalog.errors)) process.stderr.write(`warning: ${line}\n`);

  if (values.list) {
    const rows = allLevels(catalog).map((l) => ({ id: l.id, title: levelText(l).title, rule: l.rule, patterns: l.patterns.offered }));
    if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else for (const r of rows) process.stdout.write(`${r.id.padEnd(24)} ${r.rule.padEnd(22)} ${r.title}  [${r.patterns.join(', ')}]\n`);
    return;
  }

  const found = values.world === undefined ? levelNamed(catalog, positionals[0]) : worldLevel(values.world);
  const overrides = Object.fromEntries(Object.entries(pairs(values.set, 'set')).map(([k, v]) => [k, parseValue(v)]));
  const changed = applyOverrides(found, overrides);
  if (!changed.ok) fail(changed.problems.map((p) => formatProblem('--set', p)).join('\n'));
  const level = changed.level;
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`);
  if (values['all-patterns']) {
    if (values.pattern || values.param) fail('--all-patterns runs every pattern the level offers with its defaults: leave out --pattern and --param');
    return allPatterns(level, seed, values.json === true);
  }
  const pattern = values.pattern;
  if (!pattern || !isPatternName(pattern)) fail(`--pattern must be one of: ${patternNames.join(', ')}`);
  if (!level.patterns.offered.includes(pattern)) fail(`${level.id} offers: ${level.patterns.offered.join(', ')}`);

  const given: Record<string, number> = {};
  for (const [name, value] of Object.entries(pairs(values.param, 'param'))) {
    const n = parseParam(value);
    if (n === undefined) fail(`--param ${name} must be a number or a duration such as "30s" or "10min", got "${value}"`);
    given[name] = n;
  }
  const params = resolveParams(level, pattern, given);
  if (!params.ok) fail(params.error);

  const result = await simulate({ level, pattern, params: params.params, seed }, nodeHost());
  if (values.json) {
    const text = levelText(level);
    const { metrics, verdict } = result;
    const goals = result.goals.map((g) => ({ ...g, text: text.goals[g.id] }));
    process.stdout.write(
      JSON.stringify({ level: level.id, pattern, seed, params: params.params, overrides, metrics, caught: result.caught, goals, verdict }, null, 2) + '\n',
    );
  } else printText(result);
}

function levelNamed(catalog: ReturnType<typeof loadCatalog>, levelId: string | undefined): Level {
  if (!levelId) fail(usage);
  const found = findLevel(catalog, levelId);
  const broken = catalog.errors.filter((e) => e.file.endsWith(`/${levelId}.json`));
  if (!found && broken.length) fail(`Level "${levelId}" does not load:\n${describeErrors(broken).join('\n')}`);
  if (!found)
    fail(
      `Unknown level "${levelId}". Known levels: ${allLevels(catalog)
        .map((l) => l.id)
        .join(', ')}`,
    );
  return found;
}

/** The level of a playground world given as a file or as the address's encoded text. */
function worldLevel(given: string): Level {
  const decoded = decodeWorld(existsSync(given) ? readFileSync(given, 'utf8') : given);
  if (!decoded.ok) fail(decoded.problems.map((p) => formatProblem('--world', p)).join('\n'));
  const level = worldToLevel(decoded.world);
  if (!level.ok) fail(level.problems.map((p) => formatProblem('--world', p)).join('\n'));
  return level.level;
}

/** Every pattern the level offers, on the same seed, with its defaults: the measurements side by side, and a monthly cost estimate. */
async function allPatterns(level: Level, seed: number, json: boolean): Promise<void> {
  const simulated = clientsOf(level).length;
  const audience = level.audience ?? simulated;
  const rows = [];
  for (const pattern of level.patterns.offered as PatternName[]) {
    const params = resolveParams(level, pattern);
    if (!params.ok) fail(params.error);
    const r = await simulate({ level, pattern, params: params.params, seed }, nodeHost());
    rows.push({ pattern, params: params.params, metrics: r.metrics, goals: r.goals, verdict: r.verdict, cost: monthlyCost(r.metrics, simulated, audience) });
  }
  if (json) {
    process.stdout.write(JSON.stringify({ level: level.id, seed, audience, simulated, runs: rows }, null, 2) + '\n');
    return;
  }
  const text = levelText(level);
  process.stdout.write(
    `${text.title} (${level.id}), seed ${seed}${audience > simulated ? `, ${simulated} clients simulated for ${audience.toLocaleString('en')} (extrapolated)` : ''}\n\n`,
  );
  const head = ['pattern', 'stars', 'worst delay', 'requests', 'bytes', 'connection time', 'lost', 'est. $/month'];
  const table = rows.map((r) => [
    r.pattern,
    String(r.verdict.stars),
    formatMetric('stalenessMaxMs', r.metrics.stalenessMaxMs),
    formatMetric('requests', r.metrics.requests),
    formatMetric('bytes', r.metrics.bytes),
    formatMetric('connectionMs', r.metrics.connectionMs),
    String(r.metrics.lostEvents),
    r.cost.dollars.total.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  for (const row of [head, ...table]) process.stdout.write(row.map((c, i) => c.padEnd(widths[i])).join('  ') + '\n');
  process.stdout.write(
    "\nThe monthly cost is an estimate: the run scaled to 30 days and to the audience, priced at Amazon API Gateway's US East list prices (src/content/cost.ts).\n",
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => fail(error.stack ?? String(error)),
);
