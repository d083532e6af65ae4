import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { authorForm } from '../../src/content/author-form.ts';
import { buildCatalog, describeErrors } from '../../src/content/catalog.ts';
import { durationSpec, parseDuration } from '../../src/content/duration.ts';
import { jsonSchemaFiles } from '../../src/content/json-schema.ts';
import { levelVersioning } from '../../src/content/level-migrations.ts';
import { migrate } from '../../src/content/migrate.ts';
import { parseLevel } from '../../src/content/schema.ts';
import { stripDocs } from '../../vite.config.ts';

const files = readLevelFiles();
const v2 = (id: string) => JSON.parse(files[Object.keys(files).find((f) => f.endsWith(`/${id}.json`))!]);
const v1 = (id: string) => JSON.parse(readFileSync(new URL(`../fixtures/format-1/${id}.json`, import.meta.url), 'utf8'));
const fixture2 = (id: string) => JSON.parse(readFileSync(new URL(`../fixtures/format-2/${id}.json`, import.meta.url), 'utf8'));
const problemsOf = (raw: unknown) => {
  const parsed = parseLevel(raw);
  return parsed.ok ? [] : parsed.problems;
};

describe('durations', () => {
  it('reads amounts with units, largest first', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('30min')).toBe(1_800_000);
    expect(parseDuration('3h')).toBe(10_800_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1h30min')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['3 weeks', '-5s', '5s3h', '30min1h', '1h1h', '', '10', 'ms', '1.2.3s', '3w', ' 5s']) expect(parseDuration(text), text).toBeUndefined();
  });

  it('writes any whole number of ms back as a string that reads the same', () => {
    for (const ms of [0, 1, 250, 1000, 61_000, 11_533_000, 172_800_000, 163_745_000]) expect(parseDuration(durationSpec(ms))).toBe(ms);
    expect(durationSpec(11_533_000)).toBe('3h12min13s');
  });

  it('turns durations in a level file into ms, and names a malformed one', () => {
    const level = v2('wheres-my-package');
    expect(level.world.durationMs).toBe('2d');
    const parsed = parseLevel(level);
    expect(parsed.ok && parsed.level.world.durationMs).toBe(172_800_000);
    const problemAt = (bad: unknown) => {
      const broken = structuredClone(level);
      broken.world.updates[2].atMs = bad;
      return problemsOf(broken).find((p) => p.path === 'world.updates[2].atMs');
    };
    // Not a duration at all: the format is what is wrong, and the message says how to write one.
    for (const bad of ['3 weeks', '-5s', '5s3min', '240000', undefined]) {
      expect(problemAt(bad)?.expected, String(bad)).toBe(
        'a duration (milliseconds, or amounts with units largest first such as "250ms", "90s", "30min", "1h30min", "2d")',
      );
    }
    expect(problemAt(undefined)?.got).toBe('nothing');
    // A duration out of its range: the range is what is wrong.
    expect(problemAt(-5)?.expected).toBe('a duration at least 0s');
    const long = structuredClone(level);
    long.world.durationMs = '31d';
    expect(problemsOf(long).find((p) => p.path === 'world.durationMs')?.expected).toBe('a duration between 1s and 30d');
  });

  it('refuses a duration string for a goal that counts, and says why', () => {
    for (const bad of ['100s', '30']) {
      const level = v2('wheres-my-package');
      level.goals.find((g: { metric: string }) => g.metric === 'requests').max = bad;
      const problem = problemsOf(level).find((p) => p.path === 'goals[1].max');
      expect(problem?.expected, bad).toMatch(/^a number/);
    }
  });

  it('refuses a status listed twice and a change after the end of the run', () => {
    const level = v2('wheres-my-package');
    level.world.statuses.push('delivered');
    level.world.updates[0].atMs = '3d';
    const paths = problemsOf(level).map((p) => p.path);
    expect(paths).toContain('world.statuses[8]');
    expect(paths).toContain('world.updates[0].atMs');
  });
});

describe('format 1 files', () => {
  it('load through the named migration as the file it was converted to', () => {
    // tests/fixtures holds two shipped files as they were in format 1 and as the conversion wrote them
    // (the shipped files have moved on since: words, goals, the point).
    for (const id of ['wheres-my-package', 'team-chat']) {
      const old = parseLevel(v1(id));
      const converted = parseLevel(fixture2(id));
      expect(old.ok, id).toBe(true);
      expect(converted.ok, id).toBe(true);
      if (old.ok && converted.ok) expect(old.level).toEqual(converted.level);
    }
    expect(levelVersioning.steps[1].name).toBe('statuses by key instead of by position');
  });

  it('refer to statuses by key after the migration, so the order of a translation no longer matters', () => {
    const migrated = migrate(v1('wheres-my-package'), levelVersioning);
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    const world = migrated.value.world as { statuses: string[]; updates: Array<{ status: string }> };
    expect(world.statuses[0]).toBe('label-created');
    expect(world.updates.at(-1)!.status).toBe('delivered');
  });
});

describe('bad level files get the path and what was expected', () => {
  it('an unknown format version', () => {
    for (const version of [3, 'two', undefined]) {
      const level = { ...v2('wheres-my-package'), schemaVersion: version };
      const [problem] = problemsOf(level);
      expect(problem.path).toBe('schemaVersion');
      expect(problem.expected).toMatch(/^a version from 1 to 2/);
    }
  });

  it('a status key with no text in some language, or text for no status', () => {
    const level = v2('payment-confirmed');
    level.text.es = structuredClone(level.text.en);
    delete level.text.es.statuses['payment-succeeded'];
    level.text.es.statuses['pago-ok'] = 'Pago confirmado';
    const paths = problemsOf(level).map((p) => p.path);
    expect(paths).toContain('text.es.statuses.payment-succeeded');
    expect(paths).toContain('text.es.statuses.pago-ok');
  });

  it('an unknown pattern', () => {
    const level = v2('wheres-my-package');
    level.patterns.offered.push('carrier-pigeon');
    const problem = problemsOf(level).find((p) => p.path === 'patterns.offered[4]');
    expect(problem?.expected).toMatch(/^one of "polling", "webhook"/);
  });

  it('and the rest of the game loads', () => {
    const broken = structuredClone(v2('wheres-my-package'));
    broken.world.durationMs = '3 weeks';
    const catalog = buildCatalog({ ...files, 'orders-and-payments/wheres-my-package.json': JSON.stringify(broken) });
    expect(describeErrors(catalog.errors)).toEqual([
      expect.stringMatching(/^levels\/orders-and-payments\/wheres-my-package\.json: at world\.durationMs: expected a duration \(milliseconds/),
    ]);
    // Every level but the broken one.
    const listed = buildCatalog(files).chapters.flatMap((c) => c.levels).length;
    expect(catalog.chapters.flatMap((c) => c.levels)).toHaveLength(listed - 1);
  });
});

describe('the JSON Schema for authors', () => {
  const schemas = jsonSchemaFiles();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validateLevel = ajv.compile(JSON.parse(schemas['level.schema.json']));
  const validateIndex = ajv.compile(JSON.parse(schemas['index.schema.json']));

  it('is the one checked in under levels/', () => {
    for (const [name, text] of Object.entries(schemas)) expect(files[name], name).toBe(text);
  });

  it('accepts every level file, each of which names it', () => {
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith('.schema.json')) continue;
      const json = JSON.parse(text);
      if (path === 'index.json') {
        expect(json.$schema).toBe('./index.schema.json');
        expect(validateIndex(json), JSON.stringify(validateIndex.errors)).toBe(true);
      } else {
        expect(json.$schema, path).toBe('../level.schema.json');
        expect(validateLevel(json), `${path}: ${JSON.stringify(validateLevel.errors)}`).toBe(true);
      }
    }
  });

  it('refuses what the game refuses: a bad duration, an unknown field, an unknown pattern', () => {
    const base = v2('wheres-my-package');
    const cases = [
      (l: ReturnType<typeof v2>) => (l.world.durationMs = '3 weeks'),
      (l: ReturnType<typeof v2>) => (l.wrold = {}),
      (l: ReturnType<typeof v2>) => l.patterns.offered.push('carrier-pigeon'),
      (l: ReturnType<typeof v2>) => (l.network.loss = 2),
      (l: ReturnType<typeof v2>) => (l.world.updates[0].atMs = '5s3min'),
    ];
    for (const change of cases) {
      const level = structuredClone(base);
      change(level);
      expect(validateLevel(level)).toBe(false);
      expect(parseLevel(level).ok).toBe(false);
    }
  });
});

describe('docs/levels.md', () => {
  it('shows a minimal level that the game accepts', () => {
    const doc = readFileSync(new URL('../../docs/levels.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1];
    const parsed = parseLevel(JSON.parse(example));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.level.world.updates[0].atMs).toBe(72_000_000);
  });
});

describe('levels:migrate', () => {
  it('writes a format-1 file as the converted level file an author would write', () => {
    for (const id of ['wheres-my-package', 'team-chat']) {
      const upgraded = authorForm(v1(id));
      expect(upgraded.ok).toBe(true);
      if (upgraded.ok) expect(upgraded.level).toEqual(fixture2(id));
    }
  });

  it('names what stops an upgrade', () => {
    const upgraded = authorForm({ ...v1('wheres-my-package'), schemaVersion: 9 });
    expect(upgraded.ok || upgraded.problem.path).toBe('schemaVersion');
  });
});

describe('the browser build of the level schema', () => {
  it('leaves out the words for editors, and checks files exactly as before', async () => {
    const source = readFileSync(new URL('../../src/content/schema.ts', import.meta.url), 'utf8');
    const stripped = stripDocs(source);
    expect(stripped).not.toMatch(/\bdoc\(\s*'[^']/);
    expect(stripped.length).toBeLessThan(source.length - 3000);
    // Load the stripped module beside the original (its imports are relative), then compare.
    const beside = new URL(`../../src/content/schema.stripped-${process.pid}.ts`, import.meta.url);
    writeFileSync(beside, stripped);
    try {
      const browser = (await import(/* @vite-ignore */ beside.href)) as typeof import('../../src/content/schema.ts');
      for (const [path, text] of Object.entries(files)) {
        if (path === 'index.json' || path.endsWith('.schema.json')) continue;
        expect(browser.parseLevel(JSON.parse(text)), path).toEqual(parseLevel(JSON.parse(text)));
      }
      const broken = { ...v2('wheres-my-package'), wrold: {} };
      expect(browser.parseLevel(broken)).toEqual(parseLevel(broken));
    } finally {
      unlinkSync(beside);
    }
  });
});
