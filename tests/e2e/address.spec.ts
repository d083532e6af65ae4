import type { Page } from '@playwright/test';
import { expect, press, test } from './fixtures.ts';
import { HOST_ORIGIN } from './ports.ts';

/** Every screen has an address; Back and Forward move between screens inside the game; a reload stays. */

const heading = (scope: Pick<Page, 'getByRole'>, name: string) => scope.getByRole('heading', { name, level: 1 });
const search = (page: Page) => new URL(page.url()).search;

test('Back, Forward and reload move between the title, the level list, the field guide and a level', async ({ page }) => {
  await page.goto('/?seed=7');
  await expect(heading(page, 'Push or Poll')).toBeVisible();
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await expect(heading(page, 'Levels')).toBeVisible();
  expect(search(page)).toBe('?seed=7&screen=levels');
  await press(page.getByRole('button', { name: 'Field guide' }));
  await expect(heading(page, 'Field guide')).toBeVisible();
  expect(search(page)).toBe('?seed=7&screen=guide');
  await press(page.getByRole('button', { name: 'Play “Paid yet?”' }));
  await expect(page.getByRole('heading', { name: 'Paid yet?' })).toBeVisible();
  expect(search(page)).toBe('?seed=7&level=payment-confirmed');

  await page.goBack();
  await expect(heading(page, 'Field guide')).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'Levels')).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'Push or Poll')).toBeVisible();
  expect(search(page)).toBe('?seed=7');
  await page.goForward();
  await expect(heading(page, 'Levels')).toBeVisible();
  await page.reload();
  await expect(heading(page, 'Levels')).toBeVisible();
  await page.goForward();
  await expect(heading(page, 'Field guide')).toBeVisible();
  await page.reload();
  await expect(heading(page, 'Field guide')).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Paid yet?' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Paid yet?' })).toBeVisible();
  expect(search(page)).toBe('?seed=7&level=payment-confirmed');
  // The brand goes home; that is a screen of its own too.
  await press(page.getByRole('button', { name: 'Push or Poll' }));
  await expect(heading(page, 'Push or Poll')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Paid yet?' })).toBeVisible();
});

test('an address whose level does not exist shows the level list with a notice, and the address is corrected', async ({ page }) => {
  await page.goto('/?level=no-such-level&seed=3');
  await expect(page.getByText('There is no level called "no-such-level"')).toBeVisible();
  expect(search(page)).toBe('?seed=3');
});

test('in a course page, Back moves between screens inside the embedded game, and the course page stays', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/course.html`);
  // The browser's Back button walks the page's joint history, iframes included; page.goBack() would
  // wait for the course page itself to navigate, so the test presses it through history.back().
  const frame = page.frameLocator('iframe[title="Push or Poll"]');
  await expect(frame.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  await press(frame.getByRole('button', { name: 'Levels', exact: true }));
  await expect(heading(frame, 'Levels')).toBeVisible();
  await press(frame.getByRole('button', { name: 'Field guide' }));
  await expect(heading(frame, 'Field guide')).toBeVisible();
  await page.evaluate(() => history.back());
  await expect(heading(frame, 'Levels')).toBeVisible();
  await page.evaluate(() => history.back());
  await expect(frame.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  expect(page.url()).toBe(`${HOST_ORIGIN}/course.html`);
  await page.evaluate(() => history.forward());
  await expect(heading(frame, 'Levels')).toBeVisible();
});
