import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { HOST_ORIGIN } from './ports.ts';

/**
 * The promise of fixtures.ts, checked: every test fails on an error logged or thrown in a page, in
 * its iframes (cross-origin and sandboxed) and in any other page it opens.
 */

const HOST = `${HOST_ORIGIN}/course.html`;

async function gameFrame(page: Page, sandbox?: string): Promise<Frame> {
  await page.goto(sandbox ? `${HOST}?sandbox=${sandbox}` : HOST);
  const frame = await (await page.locator('iframe[title="Push or Poll"]').elementHandle())!.contentFrame();
  await expect(page.frameLocator('iframe[title="Push or Poll"]').getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  return frame!;
}

const logged = (errors: string[], text: string) => expect.poll(() => errors.join('\n'), { message: `the fixture heard "${text}"` }).toContain(text);

test('the errors fixture hears the page, its iframes and other pages', async ({ page, context, errors }) => {
  await page.goto('/');
  await page.evaluate(() => console.error('deliberate: page console'));
  await logged(errors, 'deliberate: page console');
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('deliberate: page throw');
    }),
  );
  await logged(errors, 'deliberate: page throw');

  for (const sandbox of [undefined, 'allow-scripts']) {
    const frame = await gameFrame(page, sandbox);
    await frame.evaluate((s) => console.error(`deliberate: iframe console ${s}`), String(sandbox));
    await logged(errors, `deliberate: iframe console ${sandbox}`);
    await frame.evaluate(
      (s) =>
        setTimeout(() => {
          throw new Error(`deliberate: iframe throw ${s}`);
        }),
      String(sandbox),
    );
    await logged(errors, `deliberate: iframe throw ${sandbox}`);
  }

  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(() => console.error('deliberate: second page'));
  await logged(errors, 'deliberate: second page');

  // Every one was caught; empty the list so that this test itself passes.
  errors.length = 0;
});

// This test checks the fixture, not the game: its page logs an error on purpose, so the automatic
// check must fail it. test.fail() turns that expected failure into a pass; if the fixture ever stops
// failing tests, this one is reported as "expected to fail, but passed".
test('a test whose page logs an error fails (checks the errors fixture)', async ({ page, errors }) => {
  test.fail();
  await page.goto('/');
  await page.evaluate(() => console.error('deliberate: must fail this test'));
  await logged(errors, 'deliberate: must fail this test');
});
