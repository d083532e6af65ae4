import type { Locator, Page } from '@playwright/test';
import { expect, FASTEST, test } from './fixtures.ts';
import { level, patternButton } from './level.ts';

/**
 * A level played with the keyboard alone (Tab, Shift+Tab, Enter, Space and the arrow keys; no click, no
 * focus() from the test), with where the focus is checked after every action: kept where the player acted,
 * moved only to a new step's heading, and always drawn (an outline of at least 2 px that stands out 3:1
 * against the page).
 */

const PAGE_BACKGROUND = '#0b1122';

function luminance([r, g, b]: number[]): number {
  const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a: number[], b: number[]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const rgb = (css: string) =>
  css
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number);
const hex = (css: string) => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16));

/** The focused element shows a visible focus ring. */
async function expectRing(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, what: el.outerHTML.slice(0, 80) };
  });
  expect(ring.style, `a focus ring on ${ring.what}`).not.toBe('none');
  expect(ring.width, `its width, on ${ring.what}`).toBeGreaterThanOrEqual(2);
  expect(contrast(rgb(ring.color), hex(PAGE_BACKGROUND)), `its contrast with the page, on ${ring.what}`).toBeGreaterThanOrEqual(3);
}

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; at most `limit` presses. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 40 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
  await expectRing(page);
}

test('a level played with the keyboard alone, the focus checked after every action', async ({ page }) => {
  await page.goto(`/?level=${level.id}`);
  // A new screen: its heading has the focus (a heading, not a control, so it draws no ring).
  await expect(page.getByRole('heading', { name: "Where's my package?", level: 2 })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Choose a pattern' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pick a pattern' })).toBeFocused();

  // Picking a card with Space or Enter keeps the focus on it (the panel is drawn anew around it).
  const polling = page.getByRole('button', { name: patternButton('polling') });
  await tabTo(page, polling);
  await page.keyboard.press('Space');
  await expect(polling).toHaveAttribute('aria-pressed', 'true');
  await expect(polling).toBeFocused();
  await expectRing(page);
  const webhook = page.getByRole('button', { name: patternButton('webhook') });
  await tabTo(page, webhook);
  await page.keyboard.press('Enter');
  await expect(webhook).toHaveAttribute('aria-pressed', 'true');
  await expect(webhook).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Run', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Running: Webhook' })).toBeFocused();

  // The playback controls sit before the panel: back with Shift+Tab. Pause keeps the focus and says Resume.
  const toggle = page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: /^(Pause|Resume)$/ });
  await tabTo(page, toggle, { back: true });
  await expect(toggle).toHaveText('Pause');
  await page.keyboard.press('Space');
  await expect(toggle).toHaveText('Resume');
  await expect(toggle).toBeFocused();
  await expectRing(page);

  const step = page.getByRole('button', { name: 'Step', exact: true });
  await tabTo(page, step);
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const before = Number(await slider.inputValue());
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(before);
  await expect(step).toBeFocused();

  await tabTo(page, slider);
  await page.keyboard.press('PageUp');
  await expect(slider).toBeFocused();

  // The log: its lines picked with the arrow keys show in the inspector; the focus stays in the log.
  const log = page.getByRole('log', { name: 'Message log' });
  await tabTo(page, log);
  await page.keyboard.press('End');
  await expect(page.getByRole('region', { name: 'Message inspector' }).getByRole('heading', { level: 3 })).toBeVisible();
  await expect(log).toBeFocused();

  await tabTo(page, toggle, { back: true });
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveText('Pause');
  await expect(toggle).toBeFocused();

  const speed = page.getByRole('combobox', { name: 'Speed' });
  await tabTo(page, speed);
  await page.keyboard.press('End');
  await expect(speed).toHaveValue(FASTEST);
  await expect(speed).toBeFocused();

  const skip = page.getByRole('button', { name: 'Skip to end' });
  await tabTo(page, skip);
  await page.keyboard.press('Enter');
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(debrief).toContainText(`${level.expected.webhook![0].stars} of 3 stars`);

  // Retry: a new step, so the focus goes to its heading.
  await tabTo(page, page.getByRole('button', { name: 'Retry' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pick a pattern' })).toBeFocused();
});
