import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loadCatalog } from '../../src/app/cli/node-levels.ts';
import { buildPackage, choose } from '../../scripts/package-scorm.ts';
import { expect, playByKeyboard, press, test } from './fixtures.ts';
import { patternButton } from './level.ts';
import { HOST_ORIGIN } from './ports.ts';

/**
 * The SCORM 1.2 package played in a learning platform's page that runs scorm-again's LMS-side API
 * (tests/e2e/course-host.mjs, /lms/launch.html): it records score, status and resume data, and a second
 * launch resumes where the learner stopped.
 */

const NAME = 'two-levels';
test.beforeAll(() => {
  // The package of the build the tests serve (test:e2e builds dist/ first), as `npm run package:scorm` writes it.
  const config = choose(loadCatalog(), { level: ['payment-confirmed', 'welcome-email'], title: 'Week 3: push or poll' });
  mkdirSync('tmp/e2e-scorm', { recursive: true });
  writeFileSync(`tmp/e2e-scorm/${NAME}.zip`, buildPackage('dist', config));
});

interface Cmi {
  core: { lesson_status: string; lesson_location: string; entry: string; exit: string; session_time: string; score: { raw: string; min: string; max: string } };
  suspend_data: string;
}
const cmi = (page: Page) => page.evaluate(() => (window as unknown as { cmi(): Cmi }).cmi());
const commits = (page: Page) => page.evaluate(() => (window as unknown as { commits: Cmi[] }).commits.length);

async function launch(page: Page, saved?: Cmi) {
  await page.goto(`${HOST_ORIGIN}/lms/launch.html?pkg=${NAME}`);
  await page.evaluate((s) => (window as unknown as { launch(s?: Cmi): Promise<void> }).launch(s), saved);
  return page.frameLocator('iframe[title="Week 3: push or poll"]');
}

test('the package reports score, status and resume data to the platform, and a second launch resumes', async ({ page }) => {
  test.setTimeout(120_000);
  let sco = await launch(page);
  await expect(sco.getByRole('heading', { name: 'Push or Poll', level: 1 })).toBeVisible();
  const levels = sco.getByRole('navigation', { name: 'Levels' });
  await expect(levels.locator('.level-title')).toHaveText(['Paid yet?', 'Welcome aboard']);
  expect((await cmi(page)).core.lesson_status).toBe('incomplete');

  await press(levels.getByRole('button', { name: 'Paid yet?' }));
  await expect(await playByKeyboard(sco, patternButton('webhook'))).toContainText('3 of 3 stars');
  await expect.poll(() => commits(page), 'a commit after the run').toBeGreaterThan(0);
  let now = await cmi(page);
  expect(now.core.score).toEqual({ raw: '50', min: '0', max: '100' });
  expect(now.core.lesson_status).toBe('incomplete');
  expect(now.core.lesson_location).toBe('?level=payment-confirmed');
  expect(JSON.parse(now.suspend_data).levels['payment-confirmed']).toMatchObject({ stars: 3, passed: true });

  // The learner closes the course: the game commits, says it is suspended, and finishes.
  const before = await commits(page);
  await page.evaluate(() => (window as unknown as { exit(): void }).exit());
  await expect.poll(() => commits(page)).toBeGreaterThan(before);
  const saved = await cmi(page);
  expect(saved.core.exit).toBe('suspend');
  expect(saved.core.session_time).not.toBe('00:00:00');

  // Next day: the platform launches the package again with what it kept.
  sco = await launch(page, saved);
  await expect(sco.getByRole('heading', { name: 'Paid yet?' })).toBeVisible();
  await press(sco.getByRole('button', { name: 'Levels', exact: true }));
  await expect(sco.locator('#stars-payment-confirmed')).toContainText('3 of 3 stars');
  await press(sco.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: 'Welcome aboard' }));
  await expect(await playByKeyboard(sco, patternButton('webhook'))).toContainText('3 of 3 stars');
  await expect.poll(async () => (await cmi(page)).core.lesson_status).toBe('passed');
  now = await cmi(page);
  expect(now.core.score.raw).toBe('100');
  expect(now.core.entry).toBe('resume');
});

test("resume data that is damaged or not this game's is recovered from, and play goes on", async ({ page }) => {
  test.setTimeout(90_000);
  const sco = await launch(page, {
    core: {
      lesson_status: 'incomplete',
      lesson_location: '?level=no-longer-here',
      entry: '',
      exit: 'suspend',
      session_time: '',
      score: { raw: '', min: '', max: '' },
    },
    suspend_data: 'bookmark=page7;quiz=2',
  });
  await expect(sco.getByText('Your saved progress could not be read')).toBeVisible();
  await expect(sco.getByRole('heading', { name: 'Push or Poll', level: 1 })).toBeVisible();
  await press(sco.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: 'Welcome aboard' }));
  await expect(await playByKeyboard(sco, patternButton('webhook'))).toContainText('3 of 3 stars');
  await expect.poll(async () => (await cmi(page)).core.score.raw).toBe('50');
  expect(JSON.parse((await cmi(page)).suspend_data).levels).toEqual({ 'welcome-email': expect.objectContaining({ stars: 3, passed: true }) });
});

test('outside a learning platform the package plays as usual, with its levels', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/lms/${NAME}/index.html`);
  await expect(page).toHaveTitle('Week 3: push or poll');
  const levels = page.getByRole('navigation', { name: 'Levels' });
  await expect(levels.locator('.level-title')).toHaveText(['Paid yet?', 'Welcome aboard']);
  await press(levels.getByRole('button', { name: 'Paid yet?' }));
  await expect(await playByKeyboard(page, patternButton('webhook'))).toContainText('3 of 3 stars');
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await expect(page.locator('#stars-payment-confirmed')).toContainText('3 of 3 stars');
});
