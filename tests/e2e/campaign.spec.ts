import { readFileSync } from 'node:fs';
import type { DefenceName } from '../../src/content/pattern-registry.ts';
import { isPatternName, type PatternName } from '../../src/content/patterns.ts';
import { en } from '../../src/content/text/en.ts';
import { expect, playByKeyboard, press, runToDebrief, test } from './fixtures.ts';
import { patternButton } from './level.ts';

interface LevelFile {
  id: string;
  text: { en: { title: string } };
  expected: Record<string, Array<{ passed: boolean; stars: number; params?: Record<string, unknown> }>>;
}
const index = JSON.parse(readFileSync('levels/index.json', 'utf8')) as { chapters: Array<{ id: string; levels: string[] }> };
const levels = index.chapters.flatMap((c) => c.levels.map((id) => JSON.parse(readFileSync(`levels/${c.id}/${id}.json`, 'utf8')) as LevelFile));

/**
 * The pattern the level's author expects to pass with its default parameters, or else with some of its
 * defences turned on (a level of faults, where each defence starts off): the pattern and those defences.
 */
function winning(level: LevelFile): { pattern: PatternName; defences: DefenceName[] } {
  const runs = Object.entries(level.expected).flatMap(([pattern, list]) => list.filter((r) => r.passed).map((r) => ({ pattern, params: r.params ?? {} })));
  const onlyDefences = (params: Record<string, unknown>) => Object.entries(params).every(([name, v]) => name in en.defences && v === 1);
  const found = runs.find((r) => Object.keys(r.params).length === 0) ?? runs.find((r) => onlyDefences(r.params));
  if (!found || !isPatternName(found.pattern)) throw new Error(`${level.id} expects no pattern to pass with its defaults or its defences`);
  return { pattern: found.pattern, defences: Object.keys(found.params) as DefenceName[] };
}

test('every level is played to three stars with the keyboard, and the field guide fills in', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  for (const level of levels) {
    await press(page.getByRole('button', { name: 'Levels', exact: true }));
    await press(page.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: level.text.en.title }));
    const { pattern, defences } = winning(level);
    await press(page.getByRole('button', { name: 'Choose a pattern' }));
    await press(page.getByRole('button', { name: patternButton(pattern) }));
    for (const name of defences) {
      const box = page.getByRole('checkbox', { name: en.defences[name].label });
      await expect(box).not.toBeChecked();
      await box.focus();
      await box.press('Space');
      await expect(box).toBeChecked();
    }
    const debrief = await runToDebrief(page);
    await expect(debrief, level.id).toContainText('3 of 3 stars');
  }
  await press(page.getByRole('button', { name: 'Field guide' }));
  await expect(page.getByRole('heading', { name: 'Field guide', level: 1 })).toBeVisible();
  await expect(page.locator('.rule-card.learned')).toHaveCount(levels.length);
  await expect(page.getByRole('term').filter({ hasText: 'Webhook' })).toBeVisible();
  await page.goto('/');
  for (const level of levels) await expect(page.locator(`#stars-${level.id}`)).toContainText('3 of 3 stars');
  await expect(page.getByText(`Campaign complete: all ${levels.length} levels at three stars`)).toBeVisible();
  await expect(page.getByText('Next up')).toHaveCount(0);
});

test('the level list shows every chapter, and the field guide links each rule to its level', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Levels' });
  for (const title of ['Orders and payments', 'Pages and forms', 'A team at work', 'Markets and prices', 'When things go wrong'])
    await expect(nav.getByRole('heading', { name: title })).toBeVisible();
  await press(page.getByRole('button', { name: 'Field guide' }));
  await press(page.getByRole('button', { name: `Play “${levels[1].text.en.title}”` }));
  await expect(page.getByRole('heading', { name: levels[1].text.en.title })).toBeVisible();
});

test('a corrupted saved value is recovered from without losing the rest', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'push-or-poll:progress',
      '{"version":2,"levels":{"wheres-my-package":{"stars":3,"patterns":["webhook"],"runs":1},"welcome-email":"garbage"}}',
    );
  });
  await page.goto('/');
  await expect(page.getByText('could not be read')).toBeVisible();
  await expect(page.locator('#stars-wheres-my-package')).toContainText('3 of 3 stars');
  await page.evaluate(() => localStorage.setItem('push-or-poll:progress', 'not json at all {'));
  await page.reload();
  await expect(page.getByText('could not be read')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: "Where's my package?" })).toBeVisible();
});

test('progress travels as a code: copy it, reset, load it back', async ({ page }) => {
  await page.goto('/?level=profile-page');
  await playByKeyboard(page, patternButton('plain-request'));
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await press(page.getByRole('button', { name: 'Copy progress code' }));
  const code = await page.getByLabel('Progress code').inputValue();
  expect(code).toMatch(/^PoP2\./);
  await press(page.getByRole('button', { name: 'Reset progress' }));
  await press(page.getByRole('button', { name: 'Yes, reset' }));
  await expect(page.locator('#stars-profile-page')).toContainText('0 of 3 stars');
  await page.getByLabel('Progress code').fill(code);
  await press(page.getByRole('button', { name: 'Load progress code' }));
  await expect(page.locator('#stars-profile-page')).toContainText('3 of 3 stars');
});
