import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLevelFiles } from '../../src/app/cli/node-levels.ts';
import { buildCatalog, type LevelError } from '../../src/content/catalog.ts';
import { expectedWords, gotWords, problemLine, problemLines } from '../../src/content/problem-words.ts';
import { parseLevel } from '../../src/content/schema.ts';
import { setLanguage } from '../../src/content/text/index.ts';

const files = readLevelFiles();
const good = JSON.parse(files['orders-and-payments/wheres-my-package.json']);

/** A level file broken in as many ways as the format's checks can name, each change on its own copy. */
const breakages: Array<(level: typeof good) => void> = [
  (l) => (l.schemaVersion = 9),
  (l) => (l.schemaVersion = 'two'),
  (l) => (l.id = ''),
  (l) => (l.rule = 'nope'),
  (l) => (l.wrold = {}),
  (l) => (l.actors = 'shop'),
  (l) => (l.actors = []),
  (l) => (l.you = 'nobody'),
  (l) => (l.world.durationMs = 'two days'),
  (l) => (l.world.durationMs = -5),
  (l) => (l.world.final = 'lost'),
  (l) => (l.world.statuses = [...l.world.statuses, l.world.statuses[0]]),
  (l) => (l.world.updates[0].at = '9d'),
  (l) => (l.network.loss = 2),
  (l) => (l.network.loss = true),
  (l) => (l.source.offers.webhooks = 'yes'),
  (l) => (l.world.updates[0].status = 'lost'),
  (l) => (l.goals[0].metric = 'happiness'),
  (l) => (l.goals[0].max = 'soon'),
  (l) => (l.goals[0].min = 1),
  (l) => (l.point = 'fun'),
  (l) => (l.patterns.params.polling.intervalMs.default = '9h'),
  (l) => delete l.patterns.params,
  (l) => (l.patterns.defences = { polling: ['dedupe'], sse: ['resume'] }),
  (l) => (l.text.en.statuses = {}),
  (l) => delete l.text.en.goals,
  (l) => delete l.text.en,
  (l) => (l.text.es.actors = { shop: 'Tu tienda' }),
  (l) => (l.clients = Array.from({ length: 13 }, () => 'shop')),
];

function problemsOf(breakage: (level: typeof good) => void) {
  const level = structuredClone(good);
  breakage(level);
  const parsed = parseLevel(level);
  return parsed.ok ? [] : parsed.problems;
}

/** A value quoted from the file (a string, a key) or a bare number: shown as it is in every language. */
const quoted = (got: string) => /^(".*"|\[.*\]|-?[\d.]+|[\w-]+)$/s.test(got) && got !== 'nothing' && got !== 'both or neither';

describe('a level file problem, as the player reads it', () => {
  beforeEach(() => setLanguage('es'));
  afterEach(() => setLanguage('en'));

  const problems = breakages.flatMap(problemsOf);
  const catalog = buildCatalog({
    ...files,
    'index.json': JSON.stringify({ chapters: [{ id: 'orders-and-payments', title: { en: 'Orders' }, levels: ['wheres-my-package', 'missing', 'not-json'] }] }),
    'orders-and-payments/not-json.json': '{ "schemaVersion": 2, ',
  });

  it('finds problems in every breakage, so none of the phrases below goes untried', () => {
    for (const breakage of breakages) expect(problemsOf(breakage), String(breakage)).not.toEqual([]);
  });

  it('says what each check expected and found in Spanish, quoting only what the file holds', () => {
    const all = [...problems, ...catalog.errors.flatMap((e) => e.problems)];
    const english = all.filter(
      (p) => expectedWords(p.expected) === undefined || (gotWords(p.got) === undefined && !quoted(p.got) && p.expected !== 'valid JSON'),
    );
    expect(english).toEqual([]);
  });

  it('writes the line around them in Spanish too', () => {
    const error: LevelError = { file: 'levels/a/b.json', problems: [{ path: '(top)', expected: 'a list of at least 1', got: 'nothing' }] };
    expect(problemLines([error])).toEqual(['levels/a/b.json: en (raíz): se esperaba una lista de al menos 1; encontrado: nada']);
    expect(problemLine('levels/a/b.json', { path: 'goals[0]', expected: 'exactly one of max or min', got: 'both or neither' })).toBe(
      'levels/a/b.json: en goals[0]: se esperaba exactamente uno de max o min; encontrado: los dos o ninguno',
    );
  });

  it('is the checks’ own English in English', async () => {
    await setLanguage('en');
    expect(problemLine('f.json', { path: 'id', expected: 'a string', got: 'number 3' })).toBe('f.json: at id: expected a string, got number 3');
  });
});
