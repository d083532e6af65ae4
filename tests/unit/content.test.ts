import { describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { buildCatalog, describeErrors } from '../../src/content/catalog.ts';
import { applyOverrides, parseValue } from '../../src/content/overrides.ts';
import { resolveParams } from '../../src/content/params.ts';
import { parseLevel } from '../../src/content/schema.ts';
import { level } from './helpers.ts';

const files = readLevelFiles();
const good = JSON.parse(files['orders-and-payments/wheres-my-package.json']);

describe('level schema', () => {
  it('accepts the shipped level', () => {
    expect(parseLevel(good).ok).toBe(true);
  });

  it('names the path and what was expected', () => {
    const bad = structuredClone(good);
    bad.goals[0].metric = 'happiness';
    bad.network.loss = 2;
    const parsed = parseLevel(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toContain('goals[0].metric');
    expect(paths).toContain('network.loss');
    expect(parsed.problems.find((p) => p.path === 'network.loss')!.expected).toBe('a number <= 1');
  });

  it('checks references between fields', () => {
    const bad = structuredClone(good);
    bad.you = 'nobody';
    bad.world.updates[0].status = 'lost-in-space';
    delete bad.text.en.explanations.webhook;
    const parsed = parseLevel(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['you', 'world.updates[0].status', 'text.en.explanations.webhook']));
  });

  it('rejects unknown fields, so a typo cannot pass silently', () => {
    const bad = { ...good, wrold: {} };
    const parsed = parseLevel(bad);
    expect(parsed.ok).toBe(false);
  });
});

describe('catalog', () => {
  it('reports a malformed file by name and place, and still loads the others', () => {
    const broken = {
      ...files,
      'index.json': JSON.stringify({
        chapters: [{ id: 'orders-and-payments', title: { en: 'Orders and payments' }, levels: ['wheres-my-package', 'broken', 'not-json', 'missing'] }],
      }),
      'orders-and-payments/broken.json': JSON.stringify({ ...good, id: 'broken', goals: [{ id: 'x', metric: 'requests' }] }),
      'orders-and-payments/not-json.json': '{ "schemaVersion": 1, ',
    };
    const catalog = buildCatalog(broken);
    expect(catalog.chapters[0].levels.map((l) => l.id)).toEqual(['wheres-my-package']);
    const lines = describeErrors(catalog.errors);
    expect(lines.some((l) => l.startsWith('levels/orders-and-payments/broken.json: at goals[0]: expected exactly one of max or min'))).toBe(true);
    expect(lines.some((l) => l.startsWith('levels/orders-and-payments/not-json.json: at (top): expected valid JSON'))).toBe(true);
    expect(lines.some((l) => l.startsWith('levels/orders-and-payments/missing.json'))).toBe(true);
  });

  it('reports a broken index without crashing', () => {
    expect(buildCatalog({ 'index.json': '[]' }).errors[0].file).toBe('levels/index.json');
    expect(buildCatalog({}).errors[0].file).toBe('levels/index.json');
  });
});

describe('overrides and parameters', () => {
  it('parses values as the command line gives them', () => {
    expect(parseValue('1000')).toBe(1000);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('[1,2]')).toEqual([1, 2]);
    expect(parseValue('text')).toBe('text');
  });

  it('changes the world by path and validates the result', () => {
    const lvl = level('wheres-my-package');
    const changed = applyOverrides(lvl, { 'world.updateEveryMs': 60_000, 'world.updates[0].atMs': 5 });
    expect(changed.ok && changed.level.world.updateEveryMs).toBe(60_000);
    expect(changed.ok && changed.level.world.updates[0].atMs).toBe(5);
    expect(lvl.world.updateEveryMs).toBeUndefined();
    const bad = applyOverrides(lvl, { 'network.loss': 'lots' });
    expect(bad.ok).toBe(false);
  });

  it('keeps parameters inside their ranges', () => {
    const lvl = level('wheres-my-package');
    expect(resolveParams(lvl, 'polling', {})).toEqual({ ok: true, params: { intervalMs: 1_800_000 } });
    expect(resolveParams(lvl, 'polling', { intervalMs: 1 }).ok).toBe(false);
    expect(resolveParams(lvl, 'webhook', { intervalMs: 60_000 }).ok).toBe(false);
  });
});
