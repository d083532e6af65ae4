import { expect, playByKeyboard, test } from './fixtures.ts';
import { patternButton } from './level.ts';
import { HOST_ORIGIN } from './ports.ts';

// A course page on another origin (127.0.0.1, see course-host.mjs and ports.ts) embedding the game on localhost,
// with its origin pinned so that it hears the learner's results.
const HOST = `${HOST_ORIGIN}/course.html?game=${encodeURIComponent(`parentOrigin=${encodeURIComponent(HOST_ORIGIN)}`)}`;

for (const [name, sandbox] of [
  ['a cross-origin iframe', undefined],
  ['a sandboxed iframe without allow-same-origin', 'allow-scripts'],
] as const) {
  test(`the game runs inside ${name}`, async ({ page }) => {
    await page.goto(sandbox === undefined ? HOST : `${HOST}&sandbox=${sandbox}`);
    const frame = page.frameLocator('iframe[title="Push or Poll"]');
    const debrief = await playByKeyboard(frame, patternButton('webhook'));
    await expect(debrief).toContainText('3 of 3 stars');
    await expect(frame.locator('.stage canvas')).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { received: Array<{ type: string; stars?: number }> }).received))
      .toContainEqual(
        expect.objectContaining({ source: 'push-or-poll', type: 'run-finished', level: 'wheres-my-package', pattern: 'webhook', stars: 3, passed: true }),
      );
  });
}
