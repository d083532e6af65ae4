import { en } from '../../src/content/text/en.ts';
import { expect, playByKeyboard, press, test } from './fixtures.ts';
import { level, patternButton, simulateJson } from './level.ts';
import type { Locator } from '@playwright/test';

/**
 * Side by side: from the debrief, the same world and seed replayed with another pattern beside the
 * run just seen, each with its own counters, on one timeline.
 */

const counter = (board: Locator, metric: keyof typeof en.metrics) =>
  board.locator('dt', { hasText: new RegExp(`^${en.metrics[metric]}$`) }).locator('xpath=following-sibling::dd[1]');

test("side-by-side replay shows both patterns' counters, and at the end each run's own numbers", async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  const debrief = await playByKeyboard(page, patternButton('polling'));
  await press(debrief.getByRole('button', { name: `Compare with ${en.patterns.webhook}` }));

  const dialog = page.getByRole('dialog', { name: 'Side by side' });
  await expect(dialog).toBeVisible();
  const polling = dialog.getByRole('definition').first();
  await expect(polling).toBeVisible({ timeout: 30_000 });
  const boards = {
    polling: dialog.getByLabel(`${en.patterns.polling}: measured so far`),
    webhook: dialog.getByLabel(`${en.patterns.webhook}: measured so far`),
  };
  for (const board of Object.values(boards)) await expect(counter(board, 'requests')).toBeVisible();
  await expect(dialog.locator('canvas')).toHaveCount(2);

  // To the end of the shared timeline: each board says what its own run measured in all.
  const slider = dialog.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  await slider.focus();
  await slider.press('End');
  for (const pattern of ['polling', 'webhook'] as const) {
    await expect(counter(boards[pattern], 'requests')).toHaveText(simulateJson(pattern).metrics.requests.toLocaleString('en'));
  }
  // Back to the debrief, focus where it was.
  await press(dialog.getByRole('button', { name: 'Back to the debrief' }));
  await expect(dialog).toHaveCount(0);
  await expect(debrief.getByRole('button', { name: `Compare with ${en.patterns.webhook}` })).toBeFocused();
});
