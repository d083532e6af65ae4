import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { en } from '../../src/content/text/en.ts';
import { es } from '../../src/content/text/es.ts';
import { expect, press, test } from './fixtures.ts';
import { level, patternButton } from './level.ts';

/**
 * WCAG 2.2 AA on every screen, as axe-core checks it: no serious or critical violation on the title screen,
 * the level list, the briefing, the choice, a run playing and paused, the message inspector, the debrief (one
 * run, and two side by side), the field guide, the progress code, a level embedded (embed=1), and the playground;
 * and in Spanish the title screen, the field guide and a level from its briefing to its debrief.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The serious and critical violations on the page as it is now, each with the nodes it was found on. */
async function axe(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  const counts = results.violations.map((v) => `${v.id}:${v.impact}:${v.nodes.length}`).join(', ') || 'none';
  test.info().annotations.push({ type: `axe ${screen}`, description: counts });
  console.log(`axe ${screen}: ${counts}`);
  return found;
}

async function expectClean(page: Page, screen: string): Promise<void> {
  expect(await axe(page, screen), `serious or critical axe violations on ${screen}`).toEqual([]);
}

async function openLevel(page: Page, query = '') {
  await page.goto(`/?level=${level.id}${query}`);
  await expect(page.getByRole('heading', { name: level.id === 'wheres-my-package' ? "Where's my package?" : /./, level: 2 })).toBeVisible();
}

test('the title screen, the level list and the field guide', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectClean(page, 'title');
  await press(page.getByRole('button', { name: 'Levels', exact: true }));
  await expect(page.getByRole('heading', { name: 'Levels', level: 1 })).toBeFocused();
  await expectClean(page, 'level list');
  await press(page.getByRole('button', { name: 'Field guide' }));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectClean(page, 'field guide');
});

test('the progress code: copied, and the reset asked', async ({ page }) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: 'Copy progress code' }));
  await expect(page.getByRole('textbox', { name: 'Progress code' })).toHaveValue(/^PoP/);
  await press(page.getByRole('button', { name: 'Reset progress' }));
  await expect(page.getByRole('button', { name: 'Yes, reset' })).toBeVisible();
  await expectClean(page, 'progress code');
  // Reset: the screen is drawn anew, and the focus stays in the progress box, which says what happened.
  await press(page.getByRole('button', { name: 'Yes, reset' }));
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Your progress was reset' })).toBeVisible();
});

test('a level: briefing, choice, running, paused, inspector, debrief, and two runs side by side', async ({ page }) => {
  await openLevel(page);
  await expect(page.locator('.stage canvas')).toBeVisible();
  await expectClean(page, 'briefing');
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('polling') }));
  await expectClean(page, 'choice');
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  await expect(page.getByRole('log', { name: 'Message log' }).locator('li').first()).toBeVisible();
  await expectClean(page, 'running');
  await press(page.getByRole('button', { name: 'Pause' }));
  await expect(page.getByRole('button', { name: 'Resume' })).toBeFocused();
  await slider.focus();
  for (let i = 0; i < 3; i++) await slider.press('PageUp');
  await expectClean(page, 'paused');
  const log = page.getByRole('log', { name: 'Message log' });
  await log.focus();
  await log.press('End');
  await expect(page.getByRole('region', { name: 'Message inspector' }).getByRole('heading', { level: 3 })).toBeVisible();
  await expectClean(page, 'inspector');
  await press(page.getByRole('button', { name: 'Skip to end' }));
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  await expectClean(page, 'debrief');
  await press(page.getByRole('button', { name: 'Retry' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await press(page.getByRole('button', { name: 'Skip to end' }));
  await expect(page.getByRole('region', { name: 'Debrief' }).getByRole('table', { name: 'Your runs in this level' })).toBeAttached();
  await expectClean(page, 'debrief side by side');
  // The code that ran, open: a long block that scrolls sideways must take focus to be scrolled by keyboard.
  await press(page.getByText('The code that ran', { exact: false }));
  await expect(page.locator('.debrief pre.code code').first()).not.toHaveText('Loading…');
  await expectClean(page, 'debrief with its code open');
});

test('in Spanish: the title screen, the field guide, and a level from its briefing to its debrief', async ({ page }) => {
  await page.goto('/?lang=es');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectClean(page, 'title (es)');
  await press(page.getByRole('button', { name: es.guide.title }));
  await expect(page.getByRole('heading', { name: es.guide.title, level: 1 })).toBeFocused();
  await expectClean(page, 'field guide (es)');
  await page.goto(`/?lang=es&level=${level.id}`);
  await expect(page.getByRole('heading', { name: level.text.es!.title, level: 2 })).toBeVisible();
  await expect(page.locator('.stage canvas')).toBeVisible();
  await expectClean(page, 'briefing (es)');
  await press(page.getByRole('button', { name: es.ui.choosePattern }));
  await press(page.getByRole('button', { name: new RegExp(`^${es.patterns.polling}`) }));
  await expectClean(page, 'choice (es)');
  await press(page.getByRole('button', { name: es.ui.run, exact: true }));
  const slider = page.getByRole('slider', { name: es.ui.timeline });
  await expect(slider).toBeEnabled();
  await expect(page.getByRole('log', { name: es.a11y.logName }).locator('li').first()).toBeVisible();
  await expectClean(page, 'running (es)');
  await press(page.getByRole('button', { name: es.a11y.pause }));
  await expect(page.getByRole('button', { name: es.a11y.resume })).toBeFocused();
  await expectClean(page, 'paused (es)');
  await press(page.getByRole('button', { name: es.ui.skipToEnd }));
  await expect(page.getByRole('region', { name: es.ui.debrief })).toBeVisible();
  await expectClean(page, 'debrief (es)');
  await press(page.getByRole('button', { name: es.ui.retry }));
  await press(page.getByRole('button', { name: new RegExp(`^${es.patterns.webhook}`) }));
  await press(page.getByRole('button', { name: es.ui.run, exact: true }));
  await press(page.getByRole('button', { name: es.ui.skipToEnd }));
  await expect(page.getByRole('region', { name: es.ui.debrief }).getByRole('table', { name: es.ui.yourRuns })).toBeAttached();
  await expectClean(page, 'debrief with its table of runs (es)');
});

test('embedded (embed=1): a level and its debrief', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openLevel(page, '&embed=1');
  await expectClean(page, 'embed briefing');
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled();
  await expectClean(page, 'embed running');
  await press(page.getByRole('button', { name: 'Skip to end' }));
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  await expectClean(page, 'embed debrief');
});

test('on a phone (390x844): the title screen and a level', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expectClean(page, 'phone title');
  await openLevel(page);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await expectClean(page, 'phone choice');
});

test('a screen reader hears a run summarised, reads the stage in words, and the chart as a table', async ({ page }) => {
  await page.goto(`/?level=${level.id}&speed=1`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  // A pattern's button says the pattern apart from what it does.
  await expect(page.getByRole('button', { name: new RegExp(`^Polling\\s*\\. ${escape(en.patternBlurbs.polling)}$`) })).toBeVisible();
  await press(page.getByRole('button', { name: patternButton('polling') }));
  const stage = page.getByRole('img', { name: /^The network of Where's my package\?/ });
  await expect(stage).toHaveAttribute('aria-label', /No run yet\.$/);
  // The log is not read out line by line: one polite region says the summary.
  const log = page.getByRole('log', { name: 'Message log' });
  await expect(log).toHaveAttribute('aria-live', 'off');
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  await expect(live).toHaveCount(1);
  await page.evaluate(() => {
    const region = document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled();
  await page.waitForTimeout(8000);
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  const lines = await log.locator('li').count();
  test.info().annotations.push({ type: 'said in 8 s', description: JSON.stringify({ said, lines }) });
  expect(said.length, 'something is said while the run plays').toBeGreaterThanOrEqual(1);
  expect(said.length, 'at a readable pace: one announcement every 2.5 s at most').toBeLessThanOrEqual(4);
  expect(lines, 'while the log wrote many more lines').toBeGreaterThan(said.length);
  await expect(stage).toHaveAttribute('aria-label', /messages? sent, \d+ on the wire now; \d+ of \d+ changes learned/);

  await press(page.getByRole('button', { name: 'Skip to end' }));
  // At the debrief the focus says where the player is, and the verdict is said once; the run's last announcement
  // does not linger to be read again.
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  await expect(live).toHaveText(/^\d of 3 stars\. /);
  await press(page.getByRole('button', { name: 'Retry' }));
  await press(page.getByRole('button', { name: patternButton('webhook') }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await press(page.getByRole('button', { name: 'Skip to end' }));
  const debrief = page.getByRole('region', { name: 'Debrief' });
  // The chart in words (its label) and as a table: each run, its pattern, met or missed in words.
  await expect(debrief.getByRole('img', { name: /^Your runs compared\. Polling run 1: .*, (met|missed)\. Webhook run 2: / })).toBeVisible();
  const table = debrief.getByRole('table', { name: 'Your runs in this level' });
  await expect(table.getByRole('rowheader', { name: /^Webhook/ })).toBeAttached();
  await expect(
    table
      .getByRole('cell')
      .filter({ hasText: /(met|missed)$/ })
      .first(),
  ).toBeAttached();
});

test('a screen reader in Spanish: the stage in words, the run summarised, the goals and the table of runs', async ({ page }) => {
  await page.goto(`/?lang=es&level=${level.id}&speed=1`);
  const stage = page.getByRole('img', { name: new RegExp(`^La red de ${level.text.es!.title.replace(/[?¿]/g, '.')}`) });
  await expect(stage).toHaveAttribute('aria-label', new RegExp(`${es.a11y.stageAtRest.split('. ').pop()!.replace('.', '\\.')}$`));
  // The point of the level is said apart from its goal.
  await expect(page.getByRole('listitem').filter({ hasText: es.debrief.pointTag })).toHaveText(new RegExp(`^${es.debrief.pointTag}\\s*:`));
  await press(page.getByRole('button', { name: es.ui.choosePattern }));
  const polling = page.getByRole('button', { name: new RegExp(`^${es.patterns.polling}\\s*\\. ${escape(es.patternBlurbs.polling)}$`) });
  await press(polling);
  await press(page.getByRole('button', { name: es.ui.run, exact: true }));
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  await expect(live).toHaveText(/^Día \d+, \d\d:\d\d:\d\d: /, { timeout: 10_000 });
  await expect(stage).toHaveAttribute('aria-label', /Pasados .+ de .+: \d+ mensajes? enviados?, \d+ en la red ahora; \d+ de \d+ cambios conocidos/);
  await press(page.getByRole('button', { name: es.a11y.pause }));
  await expect(page.getByRole('button', { name: es.a11y.resume })).toBeFocused();
  await press(page.getByRole('button', { name: es.ui.skipToEnd }));
  const debrief = page.getByRole('region', { name: es.ui.debrief });
  await expect(debrief.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(live).toHaveText(new RegExp(`^${es.stars.replace('{stars}', '\\d')}\\. `));
  await press(page.getByRole('button', { name: es.ui.retry }));
  await press(page.getByRole('button', { name: new RegExp(`^${es.patterns.webhook}\\s*\\. `) }));
  await press(page.getByRole('button', { name: es.ui.run, exact: true }));
  await press(page.getByRole('button', { name: es.ui.skipToEnd }));
  const table = debrief.getByRole('table', { name: es.ui.yourRuns });
  await expect(table.getByRole('rowheader', { name: /^Webhook/ })).toBeAttached();
  await expect(
    table
      .getByRole('cell')
      .filter({ hasText: new RegExp(`(${es.a11y.met}|${es.a11y.missed})$`) })
      .first(),
  ).toBeAttached();
});

test('the "Embed this level" panel', async ({ page }) => {
  await openLevel(page);
  await press(page.getByRole('button', { name: 'Embed this level' }));
  const panel = page.getByRole('dialog', { name: 'Embed this level' });
  await expect(panel).toBeVisible();
  await expectClean(page, 'embed panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // Closed, the focus is back on the button that opened it.
  await expect(page.getByRole('button', { name: 'Embed this level' })).toBeFocused();
});

test('the field guide and the level list on a phone (390x844)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?screen=guide');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectClean(page, 'phone field guide');
  await page.goto('/?screen=levels');
  await expect(page.getByRole('heading', { name: 'Levels', level: 1 })).toBeVisible();
  await expectClean(page, 'phone level list');
});

test('the playground: its form, a world that does not validate, and every pattern side by side', async ({ page }) => {
  await page.goto('/?screen=playground&world=e30');
  await expect(page.getByRole('heading', { name: 'Playground', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('world=');
  await expectClean(page, 'playground with a world that does not validate');
  await press(page.getByRole('button', { name: 'Run every pattern' }));
  await expect(page.getByRole('heading', { name: 'Every pattern, same seed' })).toBeVisible();
  await expectClean(page, 'playground results');
});
