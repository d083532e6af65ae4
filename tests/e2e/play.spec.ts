import { STEP_GLIDE_MS } from '../../src/flow/playhead.ts';
import { formatDuration } from '../../src/sim/format.ts';
import { expect, playByKeyboard, press, runToDebrief, test } from './fixtures.ts';
import { level, patternButton, simulateJson } from './level.ts';

test('the title screen lists the levels by title and opens one with the keyboard', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Push or Poll', level: 1 })).toBeVisible();
  const levels = page.getByRole('navigation', { name: 'Levels' });
  await press(levels.getByRole('button', { name: "Where's my package?" }));
  await expect(page.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]level=wheres-my-package/);
  await page.reload();
  await expect(page.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await expect(page).not.toHaveURL(/level=/);
  expect(errors).toEqual([]);
});

for (const pattern of level.patterns.offered) {
  const expected = level.expected[pattern]![0];
  test(`plays "Where's my package?" with ${pattern} by keyboard: ${expected.stars} of 3 stars, as the command line measures`, async ({ page }) => {
    await page.goto(`/?level=${level.id}`);
    const debrief = await playByKeyboard(page, patternButton(pattern));
    await expect(debrief).toContainText(`${expected.stars} of 3 stars`);
    await expect(debrief).toContainText(expected.passed ? 'Every goal met.' : /The point of this level was (met|missed)|learned of none of the changes/);
    const cli = simulateJson(pattern);
    const requests = debrief.locator('dt', { hasText: /^Requests your app sent$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(requests).toHaveText(String(cli.metrics.requests));
    await expect(debrief.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
}

test('the polling interval slider is set with the keyboard, and the run polls at the interval chosen', async ({ page }) => {
  const range = level.patterns.params.polling!.intervalMs;
  await page.goto(`/?level=${level.id}`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: /^Polling/ }));
  const slider = page.getByRole('slider', { name: 'Polling interval' });
  const shown = page.locator('#param-intervalMs-value');
  await expect(slider).toHaveAttribute('aria-valuetext', `every ${formatDuration(range.default)}`);
  await slider.focus();
  await expect(slider).toBeFocused();
  // End goes to the longest interval; each ArrowLeft takes a step off and ArrowRight puts one back.
  await slider.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', `every ${formatDuration(range.max)}`);
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowRight']) await slider.press(key);
  const chosen = range.max - 2 * range.step;
  const text = `every ${formatDuration(chosen)}`;
  await expect(slider).toHaveValue(String(chosen));
  await expect(slider).toHaveAttribute('aria-valuetext', text);
  await expect(shown).toHaveText(text);

  const debrief = await runToDebrief(page);
  await expect(debrief.getByRole('heading', { level: 2 })).toHaveText(`Polling ${text}`);
  // The debrief names the interval; the page counted what the command line counts for that interval
  // (and not for the default one).
  const cli = simulateJson('polling', 1, level.id, { intervalMs: chosen });
  expect(cli.params.intervalMs).toBe(chosen);
  expect(cli.metrics.requests).not.toBe(simulateJson('polling').metrics.requests);
  const requests = debrief.locator('dt', { hasText: /^Requests your app sent$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(requests).toHaveText(String(cli.metrics.requests));
});

test('the stage draws the network and moves packets while a run plays', async ({ page }) => {
  await page.goto(`/?level=${level.id}&speed=1`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('polling') }));
  const canvas = page.locator('.stage canvas');
  await expect(canvas).toBeVisible();
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await expect(page.getByRole('log', { name: 'Message log' })).toContainText('GET /v1/tracking/PKG-1043');
  const first = await canvas.screenshot();
  await page.waitForTimeout(700);
  const second = await canvas.screenshot();
  // A blank canvas compresses to almost nothing; a drawn stage does not, and it changes as time runs.
  expect(first.length).toBeGreaterThan(15_000);
  expect(second.equals(first)).toBe(false);
});

test('Pause, Step and Run control the clock', async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await press(page.getByRole('button', { name: 'Pause' }));
  // The run is worked out before it plays; paused, nothing of it moves.
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled();
  const log = page.getByRole('log', { name: 'Message log' }).locator('li');
  const before = await log.count();
  await page.waitForTimeout(500);
  expect(await log.count()).toBe(before);
  await press(page.getByRole('button', { name: 'Step', exact: true }));
  await expect.poll(() => log.count()).toBeGreaterThan(before);
  // A step glides to its stop; wait until it is there, then nothing more may come.
  let afterStep = -1;
  await expect
    .poll(async () => {
      const [a, b] = [await log.count(), (await page.waitForTimeout(STEP_GLIDE_MS + 150), await log.count())];
      afterStep = b;
      return a === b;
    })
    .toBe(true);
  await page.waitForTimeout(800);
  expect(await log.count()).toBe(afterStep);
  await press(page.getByRole('button', { name: 'Resume' }));
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('an unknown level id shows a friendly message and the level list', async ({ page }) => {
  await page.goto('/?level=no-such-level');
  await expect(page.getByRole('status')).toContainText('There is no level called "no-such-level"');
  await expect(page.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: "Where's my package?" })).toBeVisible();
});

test('progress survives a reload', async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  await playByKeyboard(page, patternButton('webhook'));
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await expect(page.locator('#stars-wheres-my-package')).toContainText('3 of 3 stars');
  await page.goto('/'); // a fresh page load on the title screen
  await expect(page.locator('#stars-wheres-my-package')).toContainText('3 of 3 stars');
});

test('storage the browser refuses: the game plays without saving, with no error', async ({ page }) => {
  await page.addInitScript(() => {
    // As a browser that blocks third-party storage does: reading localStorage throws.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByText('progress lasts until the page closes')).toBeVisible();
  await press(page.getByRole('button', { name: "Where's my package?" }).first());
  const debrief = await playByKeyboard(page, patternButton('plain-request'));
  await expect(debrief).toContainText(`${level.expected['plain-request']![0].stars} of 3 stars`);
});
