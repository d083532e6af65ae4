import type { FrameLocator, Page } from '@playwright/test';
import { expect, press, test } from './fixtures.ts';
import { patternButton } from './level.ts';
import { HOST_ORIGIN } from './ports.ts';

/**
 * embed=1 in an 800x600 frame on a course page: no site header, the stage, the run controls and the
 * message log fit together, and nothing the game does scrolls the course page.
 */

const gameFrame = (page: Page) => page.frameLocator('iframe[title="Push or Poll"]');
const hostScroll = (page: Page) => page.evaluate(() => window.scrollY);

/** The part of the frame's content outside its 800x600 view, and each named element's box. */
async function fit(frame: FrameLocator) {
  return frame.locator('html').evaluate((html) => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) } : null;
    };
    return {
      overflowY: html.scrollHeight - innerHeight,
      overflowX: html.scrollWidth - innerWidth,
      view: { width: innerWidth, height: innerHeight },
      stage: box('.stage canvas'),
      controls: box('[role="group"][aria-label="Run controls"]'),
      log: box('.log'),
      panel: box('.side-column'),
    };
  });
}

const inside = (box: { top: number; bottom: number; left: number; right: number } | null) =>
  box !== null && box.top >= 0 && box.bottom <= 600 && box.left >= 0 && box.right <= 800;

test('an 800x600 frame shows the stage, the run controls and the log together, with no site header and nothing to scroll', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/course.html?w=800&h=600`);
  const frame = gameFrame(page);
  await expect(frame.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  // No site header: a slim bar of the game's own buttons, not a banner.
  await expect(frame.getByRole('banner')).toHaveCount(0);
  expect((await frame.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(40);
  await expect(frame.locator('.stage canvas')).toBeVisible();

  await press(frame.getByRole('button', { name: 'Choose a pattern' }));
  await press(frame.getByRole('button', { name: patternButton('polling') }));
  await press(frame.getByRole('button', { name: 'Run', exact: true }));
  await expect(frame.getByRole('group', { name: 'Run controls' })).toBeVisible();
  await expect(frame.getByRole('log', { name: 'Message log' }).locator('li').first()).toBeVisible();
  const during = await fit(frame);
  expect(during.view).toEqual({ width: 800, height: 600 });
  expect(during.overflowY, 'the level screen is no taller than the frame').toBeLessThanOrEqual(0);
  expect(during.overflowX, 'nor wider').toBeLessThanOrEqual(0);
  for (const part of ['stage', 'controls', 'log', 'panel'] as const)
    expect(inside(during[part]), `${part} inside the frame: ${JSON.stringify(during[part])}`).toBe(true);
  // The stage and the log sit side by side with the panel, not under it.
  expect(during.panel!.left).toBeGreaterThan(during.stage!.right);

  // The debrief is long: it scrolls inside its panel, and the screen still fits the frame.
  await press(frame.getByRole('button', { name: 'Skip to end' }));
  await expect(frame.getByRole('region', { name: 'Debrief' })).toBeVisible({ timeout: 45_000 });
  const after = await fit(frame);
  expect(after.overflowY, 'the debrief screen is no taller than the frame').toBeLessThanOrEqual(0);
  expect(inside(after.panel) && inside(after.stage) && inside(after.log), JSON.stringify(after)).toBe(true);
  expect(await frame.locator('.side-column').evaluate((el) => el.scrollHeight > el.clientHeight), 'the side column scrolls inside').toBe(true);
});

test('the course page does not scroll when the game loads, moves between steps, or scrolls inside', async ({ page }) => {
  // The frame starts below the fold: any focus that scrolled into view would move the course page.
  await page.goto(`${HOST_ORIGIN}/course.html?w=800&h=600&above=1000`);
  const frame = gameFrame(page);
  await expect(frame.getByRole('heading', { name: "Where's my package?" })).toBeAttached();
  await expect(frame.locator('.stage canvas')).toBeAttached();
  await page.waitForTimeout(500);
  expect(await hostScroll(page), 'loading the game scrolls nothing').toBe(0);
  expect(await page.evaluate(() => document.activeElement?.tagName), 'and takes no focus from the course page').toBe('BODY');

  // Keys pressed in the game move it from step to step; each step focuses its heading without scrolling.
  const choose = frame.getByRole('button', { name: 'Choose a pattern' });
  await choose.focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Pick a pattern' })).toBeFocused();
  expect(await hostScroll(page), 'a new step scrolls nothing').toBe(0);

  // Scrolling the side column (panel and inspector) to its end and beyond leaves the course page where it is.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY - 20));
  const before = await hostScroll(page);
  const panel = frame.locator('.side-column');
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 600);
  await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(await hostScroll(page), 'scrolling inside the frame does not move the course page').toBe(before);
});
