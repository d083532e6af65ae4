import { en } from '../../src/content/text/en.ts';
import { STEP_GLIDE_MS } from '../../src/flow/playhead.ts';
import { expect, FASTEST, press, test } from './fixtures.ts';
import { level, patternButton, readLevel } from './level.ts';
import type { Locator, Page } from '@playwright/test';

/**
 * The playback of a run worked out first: forwards and back, scrubbed to any moment, at a speed that
 * the player keeps, and never longer than a few seconds at the fastest speed.
 */

const requestsShown = (page: Page) =>
  page
    .getByRole('region', { name: /Running/ })
    .locator('dt', { hasText: new RegExp(`^${en.metrics.requests}$`) })
    .locator('xpath=following-sibling::dd[1]');

/**
 * Wait until the log has stopped changing (for longer than a step takes to glide to its stop), then
 * count its lines; and count those that are the shop's requests.
 */
async function settledLog(page: Page): Promise<{ lines: number; requests: number }> {
  const lines = page.getByRole('log', { name: 'Message log' }).locator('li');
  let count = -1;
  await expect
    .poll(async () => {
      const before = await lines.count();
      await page.waitForTimeout(STEP_GLIDE_MS + 150);
      count = await lines.count();
      return before === count;
    })
    .toBe(true);
  return { lines: count, requests: await lines.filter({ hasText: /Your shop → Carrier API: GET / }).count() };
}

async function startRun(page: Page, pattern: Parameters<typeof patternButton>[0]): Promise<Locator> {
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton(pattern) }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  return slider;
}

test('step back and scrubbing the timeline change the log and the counters to the moment chosen', async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  const slider = await startRun(page, 'polling');
  await press(page.getByRole('button', { name: 'Pause' }));

  // Scrub to the middle of the run with the keyboard: half of the run has happened.
  await slider.focus();
  await slider.press('Home');
  // At the start only the first poll has left (and the app's note of when it asks again).
  const start = await settledLog(page);
  expect(start).toEqual({ lines: 2, requests: 1 });
  await expect(requestsShown(page)).toHaveText('1');
  for (let i = 0; i < 5; i++) await slider.press('PageUp');
  const middle = await settledLog(page);
  expect(middle.requests).toBeGreaterThan(1);
  await expect(requestsShown(page)).toHaveText(String(middle.requests));
  const valueText = await slider.getAttribute('aria-valuetext');
  expect(valueText).toMatch(/^Day \d, /);

  // Further along, more; each arrow key moves the playhead a little.
  for (let i = 0; i < 2; i++) await slider.press('PageUp');
  const later = await settledLog(page);
  expect(later.lines).toBeGreaterThan(middle.lines);
  expect(later.requests).toBeGreaterThan(middle.requests);
  await expect(requestsShown(page)).toHaveText(String(later.requests));
  await slider.press('ArrowLeft');
  await expect(slider).not.toHaveAttribute('aria-valuetext', valueText!);

  // Step back undoes the last thing that happened: lines go, until a request of the shop's goes.
  const back = page.getByRole('button', { name: 'Step back' });
  const from = await settledLog(page);
  let now = from;
  for (let i = 0; i < 6 && now.requests === from.requests; i++) {
    const before = now.lines;
    await press(back);
    now = await settledLog(page);
    expect(now.lines).toBeLessThan(before);
  }
  expect(now.requests).toBe(from.requests - 1);
  await expect(requestsShown(page)).toHaveText(String(now.requests));

  // And Step goes forward again.
  await press(page.getByRole('button', { name: 'Step', exact: true }));
  expect((await settledLog(page)).lines).toBeGreaterThan(now.lines);
});

test('in the debrief the finished run can be scrubbed, stepped and watched again', async ({ page }) => {
  await page.goto(`/?level=${level.id}&speed=${FASTEST}`);
  await startRun(page, 'polling');
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toBeVisible({ timeout: 20_000 });
  const all = await settledLog(page);
  // The controls stay, stopped at the end, and say what the toggle will do there.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  const toggle = page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: en.a11y.playAgain });
  await expect(toggle).toBeVisible();
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < 3; i++) await slider.press('PageUp');
  const earlier = await settledLog(page);
  expect(earlier.requests).toBeGreaterThan(0);
  expect(earlier.requests).toBeLessThan(all.requests);
  await expect(page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: en.a11y.resume })).toBeVisible();
  await press(page.getByRole('button', { name: 'Step back' }));
  expect((await settledLog(page)).lines).toBeLessThan(earlier.lines);
  // Watched again from the end: it starts over and plays to the end, where it stops; the debrief stays.
  await slider.press('End');
  await press(toggle);
  await expect(page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: en.a11y.playAgain })).toBeVisible({ timeout: 20_000 });
  expect(await settledLog(page)).toEqual(all);
  await expect(debrief).toBeVisible();
});

// The runs with the most messages: a WebSocket held open three days, twelve repositories polled for
// eight hours, a payment provider polled every 5 s for an hour, and two days polled every minute.
const longest: Array<{ id: string; pattern: Parameters<typeof patternButton>[0]; shortest?: true }> = [
  { id: 'exchange-rate', pattern: 'websocket' },
  { id: 'deploy-on-merge', pattern: 'polling' },
  { id: 'payment-confirmed', pattern: 'polling' },
  { id: 'wheres-my-package', pattern: 'polling', shortest: true },
];

for (const run of longest) {
  test(`at the fastest speed, ${run.id} with ${run.pattern}${run.shortest ? ' at its shortest interval' : ''} plays to its end within 10 s`, async ({
    page,
  }) => {
    await page.goto(`/?level=${run.id}`);
    await press(page.getByRole('button', { name: 'Choose a pattern' }));
    await press(page.getByRole('button', { name: patternButton(run.pattern) }));
    if (run.shortest) {
      const slider = page.getByRole('slider', { name: 'Polling interval' });
      await slider.focus();
      await slider.press('Home');
      await expect(slider).toHaveValue(String(readLevel(run.id).patterns.params.polling!.intervalMs.min));
    }
    const started = Date.now();
    await press(page.getByRole('button', { name: 'Run', exact: true }));
    const speed = page.getByRole('combobox', { name: 'Speed' });
    await speed.selectOption(FASTEST);
    await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible({ timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`${run.id} with ${run.pattern}: Run to debrief in ${seconds.toFixed(1)} s at ${FASTEST}x`);
    expect(seconds).toBeLessThan(10);
  });
}

test('the speed picked is kept for the next level and the next visit', async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  await startRun(page, 'webhook');
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await expect(speed).toHaveValue('1');
  await speed.selectOption('5');
  await press(page.getByRole('button', { name: 'Skip to end' }));
  await press(page.getByRole('region', { name: 'Debrief' }).getByRole('button', { name: 'Next level' }));
  await startRun(page, 'webhook');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('5');
  await page.goto('/?level=welcome-email');
  await startRun(page, 'webhook');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('5');
});
