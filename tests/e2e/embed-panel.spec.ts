import { expect, press, test } from './fixtures.ts';
import { GAME_ORIGIN, HOST_ORIGIN } from './ports.ts';

/** "Embed this level": the snippet for the level on screen, with the chosen seed and language, that works as pasted. */

test('the panel gives the iframe snippet of the level with the chosen seed, and it works pasted into a course page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: GAME_ORIGIN });
  await page.goto('/?level=team-chat&seed=7');
  await expect(page.getByRole('heading', { name: 'Release-day chat' })).toBeVisible();
  await press(page.getByRole('button', { name: 'Embed this level' }));
  const panel = page.getByRole('dialog', { name: 'Embed this level' });
  await expect(panel).toBeVisible();
  const code = panel.getByLabel('Code to paste');
  await expect(code).toHaveValue(/level=team-chat&amp;seed=7&amp;lang=en"/);
  await expect(code).toHaveValue(/title="Push or Poll: Release-day chat" width="800" height="600"/);
  await expect(panel.getByLabel('Language')).toHaveValue('en');

  // A seed that is not one is named, and the code keeps the last good seed.
  await panel.getByLabel('Seed').fill('12');
  await expect(code).toHaveValue(/seed=12&amp;/);
  await panel.getByLabel('Seed').fill('1.5');
  await expect(panel.getByText('A seed is a whole number, 0 or more; the code keeps seed 12.')).toBeVisible();
  await expect(panel.getByLabel('Seed')).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveValue(/seed=12&amp;/);

  // So is an origin that is not one; a good one pins the messages to the course page.
  const origin = panel.getByLabel('Your course site (optional)');
  await origin.fill('127.0.0.1/course');
  await expect(panel.getByText('“127.0.0.1/course” is not an origin')).toBeVisible();
  await expect(code).not.toHaveValue(/parentOrigin/);
  await origin.fill(HOST_ORIGIN);
  await expect(code).toHaveValue(new RegExp(`&amp;parentOrigin=${encodeURIComponent(HOST_ORIGIN)}"`));
  await panel.getByLabel(/Add the lines that size the frame/).check();
  await expect(code).toHaveValue(/<script>[\s\S]*'resize'[\s\S]*<\/script>/);

  await press(panel.getByRole('button', { name: 'Copy code' }));
  await expect(panel.getByRole('status')).toHaveText('Copied. Paste it into your course page.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.inputValue());
  await press(panel.getByRole('button', { name: 'Close' }));
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Embed this level' })).toBeFocused();

  // Pasted into a course page on another origin, as it is.
  await page.goto(`${HOST_ORIGIN}/course.html?level=`);
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Course</title></head><body><h1>Week 3</h1>${copied}<p style="height: 2000px">More reading.</p></body></html>`,
  );
  const frame = page.frameLocator('iframe[title="Push or Poll: Release-day chat"]');
  await expect(frame.getByRole('heading', { name: 'Release-day chat' })).toBeVisible();
  const params = new URL(await frame.locator('html').evaluate(() => location.href)).searchParams;
  expect(Object.fromEntries(params)).toEqual({ embed: '1', level: 'team-chat', seed: '12', lang: 'en', parentOrigin: HOST_ORIGIN });
  await expect
    .poll(async () => {
      const frameHeight = await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height));
      const gameHeight = await frame.locator('.push-or-poll').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      return frameHeight === gameHeight && frameHeight !== 600;
    })
    .toBe(true);
});

test('the panel is offered for a level outside an embed only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Push or Poll', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Embed this level' })).toBeHidden();
  await page.goto('/?level=team-chat&embed=1');
  await expect(page.getByRole('heading', { name: 'Release-day chat' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Embed this level' })).toBeHidden();
});
