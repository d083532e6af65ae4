import type { Page } from '@playwright/test';
import { en } from '../../src/content/text/en.ts';
import { es } from '../../src/content/text/es.ts';
import { expect, press, test } from './fixtures.ts';
import { level } from './level.ts';

/** Every string of a text tree, by its path. */
function strings(tree: unknown, path = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[path, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

/**
 * The English a Spanish screen must not show: each string of en.ts and of the level's English text whose Spanish
 * differs (names and protocol words read the same in both), cut at its placeholders into the pieces long enough
 * to be a phrase rather than a word the two languages share.
 */
function englishPhrases(): Array<{ where: string; phrase: string }> {
  const spanish = new Map([...strings(es), ...strings(level.text.es, 'level')]);
  return [...strings(en), ...strings(level.text.en, 'level')]
    .filter(([path, words]) => spanish.get(path) !== words)
    .flatMap(([where, words]) =>
      words
        .split(/\{\w+\}/)
        .map((piece) => piece.trim())
        .filter((piece) => piece.length >= 12 && /\s/.test(piece))
        .map((phrase) => ({ where, phrase })),
    );
}

const phrases = englishPhrases();

/**
 * Words that only English uses, to catch English written outside the text files (a notice made in code, a log line of
 * the trace). Names and protocol words (304 Not Modified, If-None-Match, Last-Event-ID, a host or a path) have none of
 * them in lower case; the code the player reads (the code that ran, a message as it crossed the wire) stays as written.
 */
const englishWords = /\b(the|and|of|with|your|you|is|was|this|that|from|to|on|at|by|for|it|its|an|are|has|have|what|when|every)\b/;

/** The English in what the page shows now (its visible text and its controls' names): phrases of en.ts, and lines in English. */
async function englishOn(page: Page): Promise<string[]> {
  const { shown, code } = await page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'aria-valuetext'].map((a) => el.getAttribute(a) ?? ''),
    );
    const code = [...document.querySelectorAll('pre, code')].map((el) => (el as HTMLElement).innerText);
    return { shown: `${document.body.innerText}\n${names.join('\n')}`, code };
  });
  const prose = code.reduce((text, block) => text.split(block).join('\n'), shown);
  const lines = prose.split('\n').filter((line) => englishWords.test(line));
  return [
    ...phrases.filter(({ phrase }) => shown.includes(phrase)).map(({ where, phrase }) => `${where}: “${phrase}”`),
    ...lines.map((line) => `in English: “${line}”`),
  ];
}

test('lang=es plays a level end to end in Spanish, with no English left on its screens', async ({ page }) => {
  await page.goto(`/?lang=es&level=${level.id}`);
  await expect(page.locator('.push-or-poll')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The briefing.
  await expect(page.getByRole('heading', { name: level.text.es!.title })).toBeVisible();
  await expect(page.getByText(es.ui.yourGoals)).toBeVisible();
  expect(await englishOn(page), 'the briefing').toEqual([]);
  // The choice.
  await press(page.getByRole('button', { name: es.ui.choosePattern }));
  await expect(page.getByRole('heading', { name: es.ui.pickPattern })).toBeVisible();
  await press(page.getByRole('button', { name: new RegExp(`^${es.patterns.webhook}`) }));
  expect(await englishOn(page), 'the choice').toEqual([]);
  // The run, paused on its way, then to its end.
  await press(page.getByRole('button', { name: es.ui.run, exact: true }));
  const toggle = page.getByRole('button', { name: es.a11y.pause });
  await press(toggle);
  await expect(page.getByRole('button', { name: es.a11y.resume })).toBeVisible();
  await expect(page.getByText(es.ui.pausedHelp)).toBeVisible();
  expect(await englishOn(page), 'the run, paused').toEqual([]);
  await press(page.getByRole('button', { name: es.ui.skipToEnd }));
  // The debrief.
  const debrief = page.getByRole('region', { name: es.ui.debrief });
  await expect(debrief).toBeVisible({ timeout: 45_000 });
  await expect(debrief).toContainText(es.stars.replace('{stars}', String(level.expected.webhook![0].stars)));
  await expect(debrief).toContainText(es.ui.whatMeasured);
  expect(await englishOn(page), 'the debrief').toEqual([]);
  // Numbers are written the Spanish way: a decimal comma, never a decimal point between digits.
  const measured = await debrief.locator('dl.metrics').innerText();
  expect(measured).not.toMatch(/\d\.\d+ (s|KB|MB)\b/);
  // The panel that writes a course page's code.
  await press(page.getByRole('button', { name: es.embedPanel.title }));
  await expect(page.getByRole('dialog', { name: es.embedPanel.title })).toBeVisible();
  await page.getByLabel(es.embedPanel.seed).fill('1.5');
  await expect(page.getByText(es.embedPanel.seedProblem.replace('{seed}', '1'))).toBeVisible();
  expect(await englishOn(page), 'the embed panel').toEqual([]);
});

test('the Spanish game says the rest in Spanish too: the title, the level list, the field guide, and what went wrong', async ({ page }) => {
  // A saved game that cannot be read, and an address whose level does not exist.
  await page.addInitScript(() => localStorage.setItem('push-or-poll:progress', 'not json at all {'));
  await page.goto('/?lang=es&level=no-such-level');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByText(es.problems.noSuchLevel.replace('{id}', 'no-such-level'))).toBeVisible();
  await expect(page.getByText(es.ui.progressRecovered)).toBeVisible();
  expect(await englishOn(page), 'the title screen, with its notices').toEqual([]);
  await press(page.getByRole('button', { name: es.ui.levels, exact: true }));
  await expect(page.getByRole('heading', { name: es.ui.levels, level: 1 })).toBeFocused();
  expect(await englishOn(page), 'the level list').toEqual([]);
  await press(page.getByRole('button', { name: es.guide.title }));
  await expect(page.getByRole('heading', { name: es.guide.title, level: 1 })).toBeFocused();
  expect(await englishOn(page), 'the field guide').toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('the top bar switches the language, named in the language it switches to, and the choice outlasts a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: en.gameTitle, level: 1 })).toBeVisible();
  await expect(page.locator('.push-or-poll')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await press(page.getByRole('button', { name: 'Español' }));
  await expect(page).toHaveURL(/[?&]lang=es/);
  await expect(page.getByRole('navigation', { name: es.ui.levels })).toBeVisible();
  await expect(page.locator('.push-or-poll')).toHaveAttribute('lang', 'es');
  // Without lang= in the address, the choice is remembered.
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: es.ui.levels })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  await press(page.getByRole('button', { name: 'English' }));
  await expect(page.getByRole('navigation', { name: en.ui.levels })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: en.ui.levels })).toBeVisible();
});

test.describe('a browser that prefers Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('plays in Spanish with no parameter, and lang=en still plays in English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: es.ui.levels })).toBeVisible();
    await page.goto('/?lang=en');
    await expect(page.getByRole('navigation', { name: en.ui.levels })).toBeVisible();
  });
});
