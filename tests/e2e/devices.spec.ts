import type { Page } from '@playwright/test';
import { expect, press, test } from './fixtures.ts';
import { level, patternButton } from './level.ts';

/** The player's device and settings: reduced motion, a phone held upright. */

/** Run the first level with webhooks, paused at its start: the shop's subscription is about to leave. */
async function pausedAtStart(page: Page) {
  await page.goto(`/?level=${level.id}`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await press(page.getByRole('button', { name: 'Pause' }));
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  return slider;
}

/** The network's part of the stage (between the actors, clear of the clock and the timeline), with the playhead at `position`. */
async function networkAt(page: Page, slider: ReturnType<Page['getByRole']>, position: number): Promise<Buffer> {
  await slider.fill(String(position));
  await expect(slider).toHaveValue(String(position));
  await page.waitForTimeout(300); // a few frames
  const box = (await page.locator('.stage canvas').boundingBox())!;
  return page.screenshot({ clip: { x: box.x + box.width * 0.2, y: box.y + box.height * 0.3, width: box.width * 0.6, height: box.height * 0.45 } });
}

for (const reduced of [true, false]) {
  test(`${reduced ? 'with reduced motion a packet is not slid along its link' : 'without reduced motion a packet slides along its link'}`, async ({ page }) => {
    if (reduced) await page.emulateMedia({ reducedMotion: 'reduce' });
    const slider = await pausedAtStart(page);
    // The shop's subscription leaves at 0; Step stops where it arrives. Between, it is on its way.
    await press(page.getByRole('button', { name: 'Step', exact: true }));
    await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(0);
    await page.waitForTimeout(600); // the step glides there
    const arrives = Number(await slider.inputValue());
    const frames = [0.05, 0.2, 0.4, 0.6, 0.9].map((f) => Math.round(arrives * f));
    const shots = [];
    for (const position of frames) shots.push(await networkAt(page, slider, position));
    const distinct = new Set(shots.map((s) => s.toString('base64'))).size;
    // Slid: a new place at every frame. Not slid: at its sender for the first half, at its receiver after.
    expect(distinct).toBe(reduced ? 2 : frames.length);
  });
}

test('with reduced motion the log does not scroll by itself: the newest line is on top', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const slider = await pausedAtStart(page);
  await slider.focus();
  for (let i = 0; i < 6; i++) await slider.press('PageUp');
  const log = page.getByRole('log', { name: 'Message log' });
  await expect.poll(() => log.locator('li').count()).toBeGreaterThan(10);
  expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
  const times = await log.locator('li time').allTextContents();
  expect(times).toEqual([...times].sort().reverse());
  // Fully playable: it still runs to its debrief.
  await press(page.getByRole('button', { name: 'Skip to end' }));
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
});

test.describe('on a phone held upright (390 px wide)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a level opens on its briefing, and the stage's smallest text is at least 12 px", async ({ page }) => {
    await page.goto(`/?level=${level.id}`);
    await expect(page.getByRole('heading', { name: "Where's my package?", level: 2 })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Choose a pattern' })).toBeInViewport();
    const stage = page.locator('.stage');
    await expect(stage).toHaveAttribute('data-smallest-font', /\d/);
    const canvas = page.locator('.stage canvas');
    // CSS pixels per stage pixel, times the smallest font size the stage draws.
    const scale = await canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width / c.width);
    const smallest = Number(await stage.getAttribute('data-smallest-font')) * scale;
    test.info().annotations.push({ type: 'smallest stage text', description: `${smallest.toFixed(2)} CSS px` });
    expect(smallest).toBeGreaterThanOrEqual(12);
    // And it plays there.
    await press(page.getByRole('button', { name: 'Choose a pattern' }));
    await press(page.getByRole('button', { name: patternButton('webhook') }));
    await press(page.getByRole('button', { name: 'Run', exact: true }));
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled();
    await press(page.getByRole('button', { name: 'Skip to end' }));
    await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  });
});

test.describe('in a course page frame of 800 × 600', () => {
  test.use({ viewport: { width: 800, height: 600 } });

  test('the stage, about 480 px wide beside the panel, draws its smallest text at least 12 px', async ({ page }) => {
    // A level with several clients, the most crowded stage.
    await page.goto('/?level=team-chat&embed=1');
    const stage = page.locator('.stage');
    await expect(stage).toHaveAttribute('data-smallest-font', /\d/);
    const scale = await page.locator('.stage canvas').evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width / c.width);
    const smallest = Number(await stage.getAttribute('data-smallest-font')) * scale;
    test.info().annotations.push({ type: 'smallest stage text', description: `${smallest.toFixed(2)} CSS px` });
    expect(smallest).toBeGreaterThanOrEqual(12);
  });
});
