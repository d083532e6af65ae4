import type { Page } from '@playwright/test';
import { expect, playByKeyboard, press, test } from './fixtures.ts';
import { patternButton } from './level.ts';
import { GAME_ORIGIN, HOST_ORIGIN } from './ports.ts';

/**
 * The game in course pages on another origin (tests/e2e/course-host.mjs): hosts that resize the frame
 * to the game's height, a hostile frame beside it, messages from the wrong places, and a pinned
 * parentOrigin.
 */

interface Heard {
  data: Record<string, unknown> | string | null;
  origin: string;
  fromGame: boolean;
}
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
const ours = async (page: Page) =>
  (await heard(page))
    .filter((h) => h.fromGame && typeof h.data === 'object' && h.data?.source === 'push-or-poll')
    .map((h) => h.data as Record<string, unknown>);
const frameOf = (page: Page) => page.frameLocator('iframe[title="Push or Poll"]');
const pin = `game=${encodeURIComponent(`parentOrigin=${encodeURIComponent(HOST_ORIGIN)}`)}`;

/** The frame's height on the course page, and the game's own height inside it. */
async function heights(page: Page) {
  const frame = await page.locator('iframe[title="Push or Poll"]').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
  const game = await frameOf(page)
    .locator('.push-or-poll')
    .evaluate((el) => ({ height: Math.ceil(el.getBoundingClientRect().height), overflow: document.documentElement.scrollHeight - innerHeight }));
  return { frame: Math.round(frame), game: game.height, overflow: game.overflow };
}

/** Wait until the host has sized the frame to the game (the border adds 2 px) and nothing scrolls inside. */
async function sizedToGame(page: Page, border = 0) {
  await expect
    .poll(
      async () => {
        const h = await heights(page);
        return h.frame - border === h.game && h.overflow <= 0;
      },
      { message: 'the frame is as tall as the game' },
    )
    .toBe(true);
  return (await heights(page)).game;
}

for (const host of ['lti', 'h5p', 'snippet'] as const) {
  test(`a ${host === 'snippet' ? "page with the README's snippet" : `${host.toUpperCase()}-style host`} sizes the frame to the game as screens change`, async ({
    page,
  }) => {
    // The snippet's frame has no border and opens the level its src names; the others have a 1 px border.
    const border = host === 'snippet' ? 0 : 2;
    await page.goto(`${HOST_ORIGIN}/${host}.html?w=800&h=300`);
    const game = frameOf(page);
    await expect(game.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
    const first = await sizedToGame(page, border);
    // On its briefing a level is its stage and log (the run controls come with a run): about 380 px at
    // 800 px wide, more than the 300 px the page gave the frame, and never more than about 600.
    expect(first, 'a level at 800 px wide is taller than the 300 px the page gave it').toBeGreaterThan(350);
    expect(first).toBeLessThan(650);

    await press(game.getByRole('button', { name: 'Levels', exact: true }));
    await expect(game.getByRole('heading', { name: 'Levels', level: 1 })).toBeVisible();
    const list = await sizedToGame(page, border);
    expect(list, 'the level list is longer').toBeGreaterThan(900);

    await press(game.getByRole('navigation', { name: 'Levels' }).getByRole('button', { name: 'Release-day chat' }));
    await expect(game.getByRole('heading', { name: 'Release-day chat' })).toBeVisible();
    expect(await sizedToGame(page, border), 'and shrinks back for a level').toBe(first);

    await press(game.getByRole('button', { name: 'Field guide' }));
    await expect(game.getByRole('heading', { name: 'Field guide', level: 1 })).toBeVisible();
    expect(await sizedToGame(page, border)).toBeGreaterThan(first);
    if (host === 'h5p') {
      const log = await page.evaluate(() => (window as unknown as { h5pLog: string[] }).h5pLog);
      expect(log).toEqual(expect.arrayContaining(['hello', 'prepareResize', 'resize']));
    }
  });
}

test("with parentOrigin, the host page hears everything, and an LTI host's frame still follows", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/lti.html?w=800&h=600&${pin}`);
  const debrief = await playByKeyboard(frameOf(page), patternButton('webhook'));
  await expect(debrief).toContainText('3 of 3 stars');
  await expect
    .poll(() => ours(page))
    .toContainEqual({ source: 'push-or-poll', type: 'run-finished', level: 'wheres-my-package', pattern: 'webhook', stars: 3, passed: true });
  const messages = await ours(page);
  expect(messages).toContainEqual({ source: 'push-or-poll', type: 'ready', version: 1 });
  expect(messages).toContainEqual({ source: 'push-or-poll', type: 'screen', screen: 'level', level: 'wheres-my-package' });
  expect(messages).toContainEqual(expect.objectContaining({ type: 'resize', height: expect.any(Number) }));
  expect((await heard(page)).filter((h) => h.fromGame).every((h) => h.origin === GAME_ORIGIN)).toBe(true);
  await sizedToGame(page, 2);
});

test('the playground is one screen to the host, its world played on the stage included', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/lti.html?w=800&h=600&${pin}`);
  const game = frameOf(page);
  await press(game.getByRole('button', { name: 'Playground' }));
  await press(game.getByRole('button', { name: 'Run every pattern' }));
  await press(game.getByRole('button', { name: /^Play this world on the stage/ }));
  await expect(game.getByRole('heading', { name: 'Your world' })).toBeVisible();
  await press(game.getByRole('button', { name: 'Field guide' }));
  await expect.poll(() => ours(page)).toContainEqual({ source: 'push-or-poll', type: 'screen', screen: 'guide' });
  const screens = (await ours(page)).filter((m) => m.type === 'screen').map((m) => m.screen);
  expect(screens).toEqual(['level', 'playground', 'guide']);
});

test('without parentOrigin, only what carries nothing personal reaches the host page', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/course.html?w=800&h=600`);
  const game = frameOf(page);
  await expect(await playByKeyboard(game, patternButton('webhook'))).toContainText('3 of 3 stars');
  await press(game.getByRole('button', { name: 'Field guide' }));
  await expect(game.getByRole('heading', { name: 'Field guide', level: 1 })).toBeVisible();
  await expect.poll(async () => (await ours(page)).filter((m) => m.type === 'resize').length).toBeGreaterThan(1);
  const types = new Set((await ours(page)).map((m) => m.type));
  expect([...types].sort()).toEqual(['ready', 'resize']);
  expect(await heard(page)).toContainEqual(expect.objectContaining({ data: expect.objectContaining({ subject: 'lti.frameResize' }) }));
});

test("a hostile frame beside the game, malformed messages and unknown commands change nothing; the parent's commands work", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/course.html?w=800&h=600&sibling=1&${pin}`);
  const game = frameOf(page);
  await expect(game.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  const hostile = page.frames().find((f) => f.url().endsWith('/hostile.html'))!;
  await hostile.evaluate(() => {
    const forge = (window as unknown as { forge: (m: unknown) => void }).forge;
    forge({ source: 'push-or-poll', type: 'open', screen: 'guide' });
    forge({ source: 'push-or-poll', type: 'open', level: 'contact-form' });
    forge({ context: 'h5p', action: 'hello' });
  });
  // From the course page itself: junk, other namespaces, the game's own messages echoed, bad commands.
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Push or Poll"]')!.contentWindow!;
    for (const junk of [null, 'open guide', 42, { type: 'open', screen: 'guide' }, { source: 'other-game', type: 'open', screen: 'guide' }])
      frame.postMessage(junk, '*');
    frame.postMessage({ source: 'push-or-poll', type: 'resize', height: 10 }, '*');
    frame.postMessage({ source: 'push-or-poll', type: 'open', level: 'no-such-level' }, '*');
    frame.postMessage({ source: 'push-or-poll', type: 'open', screen: 'settings' }, '*');
    frame.postMessage({ source: 'push-or-poll', type: 'erase-progress' }, '*');
  });
  await expect.poll(async () => (await ours(page)).filter((m) => m.type === 'refused').length).toBe(3);
  expect((await ours(page)).filter((m) => m.type === 'refused')).toEqual([
    { source: 'push-or-poll', type: 'refused', command: 'open', reason: 'there is no level called "no-such-level"' },
    { source: 'push-or-poll', type: 'refused', command: 'open', reason: expect.stringContaining('"title", "levels", "guide" and "playground"') },
    { source: 'push-or-poll', type: 'refused', command: 'erase-progress', reason: expect.stringContaining('no command "erase-progress"') },
  ]);
  await expect(game.getByRole('heading', { name: "Where's my package?" })).toBeVisible();
  expect(new URL(await game.locator('html').evaluate(() => location.href)).searchParams.get('level')).toBe('wheres-my-package');

  // The same command from the parent window is carried out: the channel works, the sibling was refused.
  await page.evaluate(() =>
    document
      .querySelector<HTMLIFrameElement>('iframe[title="Push or Poll"]')!
      .contentWindow!.postMessage({ source: 'push-or-poll', type: 'open', screen: 'guide' }, '*'),
  );
  await expect(game.getByRole('heading', { name: 'Field guide', level: 1 })).toBeVisible();
  await expect.poll(() => ours(page)).toContainEqual({ source: 'push-or-poll', type: 'screen', screen: 'guide' });
});

test('with parentOrigin set to another origin than the page around it, no message goes anywhere and none is taken', async ({ page, context }) => {
  const warnings: string[] = [];
  context.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
  const elsewhere = `game=${encodeURIComponent(`parentOrigin=${encodeURIComponent('https://lms.example.edu')}`)}`;
  await page.goto(`${HOST_ORIGIN}/lti.html?w=800&h=300&${elsewhere}`);
  const game = frameOf(page);
  await expect(await playByKeyboard(game, patternButton('webhook'))).toContainText('3 of 3 stars');
  await page.evaluate(() =>
    document
      .querySelector<HTMLIFrameElement>('iframe[title="Push or Poll"]')!
      .contentWindow!.postMessage({ source: 'push-or-poll', type: 'open', screen: 'guide' }, '*'),
  );
  await page.waitForTimeout(500);
  await expect(game.getByRole('region', { name: 'Debrief' })).toBeVisible();
  expect((await heard(page)).filter((h) => h.fromGame)).toEqual([]);
  expect((await heights(page)).frame, 'the LTI host was never asked to resize').toBe(302);
  expect(warnings.filter((w) => w.includes('parentOrigin'))).toEqual([
    expect.stringContaining(`parentOrigin is https://lms.example.edu but the page around the game is ${HOST_ORIGIN}`),
  ]);
});

test('a parentOrigin that is not an origin is ignored with one warning, and the game plays on', async ({ page, context }) => {
  const warnings: string[] = [];
  context.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
  await page.goto(`${HOST_ORIGIN}/course.html?w=800&h=600&game=${encodeURIComponent('parentOrigin=lms.example.edu/course')}`);
  const game = frameOf(page);
  await expect(await playByKeyboard(game, patternButton('webhook'))).toContainText('3 of 3 stars');
  expect(warnings.filter((w) => w.includes('parentOrigin'))).toEqual([expect.stringContaining('parentOrigin "lms.example.edu/course" is not an origin')]);
  const types = new Set((await ours(page)).map((m) => m.type));
  expect(types.has('ready') && !types.has('run-finished')).toBe(true);
});
