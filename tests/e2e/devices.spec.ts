import type { Page } from '@playwright/test';
import { expect, press, test } from './fixtures.ts';
import { level, patternButton, readLevel } from './level.ts';
import { loadCatalog } from '../../src/app/cli/node-levels.ts';

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

test.describe('on a dense screen (2 device pixels to a CSS pixel)', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });

  test('the stage is drawn with as many pixels as the screen has, its text still at least 12 CSS px, and a message picked by a tap on it', async ({ page }) => {
    const slider = await pausedAtStart(page);
    const canvas = page.locator('.stage canvas');
    const { pixels, css } = await canvas.evaluate((c: HTMLCanvasElement) => ({ pixels: c.width, css: c.getBoundingClientRect().width }));
    expect(pixels / css).toBeCloseTo(2, 1);
    const smallest = Number(await page.locator('.stage').getAttribute('data-smallest-font')) * (css / pixels);
    expect(smallest).toBeGreaterThanOrEqual(12);
    // The shop's subscription half-way on its way down from the shop (top) to the carrier (bottom): a tap on it picks it.
    await press(page.getByRole('button', { name: 'Step', exact: true }));
    await page.waitForTimeout(600);
    await slider.fill(String(Math.round(Number(await slider.inputValue()) / 2)));
    await page.waitForTimeout(300);
    const inspector = page.getByRole('region', { name: 'Message inspector' });
    const box = (await canvas.boundingBox())!;
    for (let y = 0.25; y <= 0.75 && !(await inspector.getByText('POST /v1/webhooks').count()); y += 0.02) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height * y);
    }
    await expect(inspector).toContainText('Request: POST /v1/webhooks');
  });
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

/**
 * What a touch screen needs, measured on the page as it is: no sideways page scroll, no text under 12 CSS px,
 * no touch target under 24x24 CSS px (WCAG 2.5.8), and the playback controls on screen while the stage runs.
 */
interface Measured {
  scrollWidth: number;
  innerWidth: number;
  smallestText: number;
  smallestTextAt: string;
  smallestTarget: number;
  smallestTargetAt: string;
}

async function measureScreen(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      // Visible, and not one of the screen reader's words (.sr-only, clipped to 1 px).
      return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    let smallestText = Infinity;
    let smallestTextAt = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !seen(parent)) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < smallestText) [smallestText, smallestTextAt] = [size, `${parent.tagName}.${parent.className}: ${node.textContent.trim().slice(0, 30)}`];
    }
    // SVG text (the debrief's chart) is drawn at its font size times the chart's scale.
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const svg = text.ownerSVGElement;
      if (!svg || !seen(text)) continue;
      const size = (parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
      if (size < smallestText) [smallestText, smallestTextAt] = [size, `svg text: ${text.textContent?.slice(0, 30)}`];
    }
    let smallestTarget = Infinity;
    let smallestTargetAt = '';
    for (const el of document.querySelectorAll('button, a[href], input, select, summary, textarea, [role="button"], [tabindex="0"]')) {
      if (!seen(el) || (el as HTMLButtonElement).disabled) continue;
      const r = el.getBoundingClientRect();
      const size = Math.min(r.width, r.height);
      if (size < smallestTarget)
        [smallestTarget, smallestTargetAt] = [
          size,
          `${el.tagName}.${el.className}: ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}`,
        ];
    }
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth,
      smallestText,
      smallestTextAt,
      smallestTarget,
      smallestTargetAt,
    };
  });
}

async function expectComfortable(page: Page, screen: string, all: Record<string, Measured>): Promise<void> {
  const m = await measureScreen(page);
  all[screen] = m;
  test.info().annotations.push({ type: screen, description: JSON.stringify(m) });
  // Against the device's width: a phone's browser widens its layout to fit a page that is too wide.
  const width = page.viewportSize()!.width;
  expect.soft(m.innerWidth, `${screen}: the layout is as wide as the screen`).toBe(width);
  expect.soft(m.scrollWidth, `${screen}: no sideways page scroll`).toBeLessThanOrEqual(width);
  expect.soft(m.smallestText, `${screen}: smallest text (${m.smallestTextAt})`).toBeGreaterThanOrEqual(12);
  expect.soft(m.smallestTarget, `${screen}: smallest touch target (${m.smallestTargetAt})`).toBeGreaterThanOrEqual(24);
}

for (const size of [
  { width: 390, height: 844 },
  { width: 820, height: 1180 },
]) {
  test.describe(`by touch at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test('a level plays to its debrief by taps, comfortably', async ({ page }) => {
      const all: Record<string, Measured> = {};
      await page.goto('/');
      await expectComfortable(page, 'title', all);
      await page.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: "Where's my package?" }).tap();
      await expect(page.getByRole('button', { name: 'Choose a pattern' })).toBeVisible();
      await expectComfortable(page, 'briefing', all);
      // The stage's text is drawn on its canvas: its smallest font, at the canvas's scale.
      const stage = page.locator('.stage');
      await expect(stage).toHaveAttribute('data-smallest-font', /\d/);
      const scale = await page.locator('.stage canvas').evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width / c.width);
      const stageText = Number(await stage.getAttribute('data-smallest-font')) * scale;
      test.info().annotations.push({ type: 'smallest stage text', description: `${stageText.toFixed(2)} CSS px` });
      console.log(`${size.width}x${size.height} stage text ${stageText.toFixed(2)} CSS px`);
      expect.soft(stageText, 'the smallest text on the stage').toBeGreaterThanOrEqual(12);
      await page.getByRole('button', { name: 'Choose a pattern' }).tap();
      await page.getByRole('button', { name: patternButton('polling') }).tap();
      await expect(page.getByRole('button', { name: patternButton('polling') })).toHaveAttribute('aria-pressed', 'true');
      await expectComfortable(page, 'choice', all);
      await page.getByRole('button', { name: 'Run', exact: true }).tap();
      const slider = page.getByRole('slider', { name: 'Timeline' });
      await expect(slider).toBeEnabled();
      // The controls are in reach while the stage runs: on screen, with nothing to scroll.
      const pause = page.getByRole('button', { name: 'Pause' });
      await expect(pause).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('group', { name: 'Playback' })).toBeInViewport({ ratio: 1 });
      await expectComfortable(page, 'running', all);
      await pause.tap();
      await expect(page.getByRole('button', { name: 'Resume' })).toBeInViewport({ ratio: 1 });
      await page.getByRole('button', { name: 'Step', exact: true }).tap();
      await expectComfortable(page, 'paused', all);
      await page.getByRole('button', { name: 'Resume' }).tap();
      await expect(pause).toBeVisible();
      await page.getByRole('button', { name: 'Skip to end' }).tap();
      const debrief = page.getByRole('region', { name: 'Debrief' });
      await expect(debrief).toBeVisible();
      await expect(debrief).toContainText('of 3 stars');
      await expectComfortable(page, 'debrief', all);
      // A second run: the debrief sets the two side by side, in a chart and a table.
      await page.getByRole('button', { name: 'Retry' }).tap();
      await page.getByRole('button', { name: patternButton('webhook') }).tap();
      await page.getByRole('button', { name: 'Run', exact: true }).tap();
      await page.getByRole('button', { name: 'Skip to end' }).tap();
      await expect(debrief.getByRole('table', { name: 'Your runs in this level' })).toBeVisible();
      await expectComfortable(page, 'debrief side by side', all);
      await page.getByRole('button', { name: 'Field guide' }).tap();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectComfortable(page, 'field guide', all);
      await page.getByRole('button', { name: 'Levels', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'Levels', level: 1 })).toBeVisible();
      await expectComfortable(page, 'level list', all);
      console.log(`${size.width}x${size.height}: ${JSON.stringify(all)}`);
    });
  });
}

const everyLevel = loadCatalog().chapters.flatMap((c) => c.levels.map((l) => l.id));

for (const size of [
  { width: 390, height: 844 },
  { width: 820, height: 1180 },
]) {
  test.describe(`every level by touch at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test('plays to its debrief by taps, with the controls on screen and nothing to scroll sideways', async ({ page }) => {
      test.setTimeout(240_000);
      for (const id of everyLevel) {
        const pattern = readLevel(id).patterns.offered[0];
        await page.goto(`/?level=${id}`);
        await page.getByRole('button', { name: 'Choose a pattern' }).tap();
        await page.getByRole('button', { name: patternButton(pattern) }).tap();
        await page.getByRole('button', { name: 'Run', exact: true }).tap();
        const debrief = page.getByRole('region', { name: 'Debrief' });
        const skip = page.getByRole('button', { name: 'Skip to end' });
        try {
          await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled({ timeout: 20_000 });
          await expect(page.getByRole('group', { name: 'Playback' }), `${id}: the controls in reach`).toBeInViewport({ ratio: 1, timeout: 1000 });
          await skip.tap({ timeout: 2000 });
        } catch (error) {
          // A short run (one request) may be over before its controls are looked at: then the debrief is there.
          if (!(await debrief.isVisible())) throw error;
        }
        await expect(debrief, `${id} reaches its debrief`).toBeVisible({ timeout: 30_000 });
        const wide = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
        expect(wide, `${id}: no sideways scroll`).toEqual([size.width, size.width]);
      }
    });
  });
}

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
