import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { decodeWorld, defaultWorld, encodeWorld, patternsFor } from '../../src/content/playground.ts';
import { parseLevel } from '../../src/content/schema.ts';
import { expect, playByKeyboard, press, test } from './fixtures.ts';

/** The playground: a world of one's own, every pattern that can work in it on one seed, its link and its level file. */

const worldInAddress = (page: Page) => new URL(page.url()).searchParams.get('world');

test('runs every pattern that can work in the default world on one seed, side by side, with the cost labelled an estimate', async ({ page }) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: 'Playground' }));
  await expect(page.getByRole('heading', { name: 'Playground', level: 1 })).toBeFocused();
  expect(new URL(page.url()).searchParams.get('screen')).toBe('playground');
  await press(page.getByRole('button', { name: 'Run every pattern' }));
  await expect(page.getByRole('heading', { name: 'Every pattern, same seed' })).toBeVisible();
  const rows = page.getByRole('region', { name: 'Every pattern, same seed' }).getByRole('row');
  await expect(rows).toHaveCount(patternsFor(defaultWorld).length + 1);
  await expect(page.getByText(/^Met every goal: Polling, Webhook, WebSocket, Server-Sent Events and Long polling\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cost at your scale (an estimate)' })).toBeVisible();
  await expect(page.getByText(/read Nov 30, 2026/)).toBeVisible();
  // A price changed is kept in the address: a reload (or the link) brings it back, said to be yours.
  const perMillion = page.getByLabel('US$ per million requests');
  await perMillion.fill('3.5');
  await perMillion.press('Tab');
  await expect.poll(() => worldInAddress(page)).not.toBeNull();
  await page.reload();
  await expect(page.getByLabel('US$ per million requests')).toHaveValue('3.5');
  await expect(page.getByText(/read Nov 30, 2026.*; changed by you/)).toBeVisible();
});

test('a changed world lives in the address: a reload, or the link, brings it back; a value out of range is refused with its range', async ({ page }) => {
  await page.goto('/?screen=playground');
  await page.getByLabel(/^Clients/).fill('10000');
  await page.getByLabel(/^Clients/).press('Tab');
  await expect.poll(() => worldInAddress(page)).not.toBeNull();
  const world = decodeWorld(worldInAddress(page)!);
  expect(world.ok && world.world.clients).toBe(10000);
  await page.reload();
  await expect(page.getByLabel(/^Clients/)).toHaveValue('10000');
  // The link brings the results back too.
  await expect(page.getByRole('heading', { name: 'Every pattern, same seed' })).toBeVisible();
  await expect(page.getByText(/for the 6 simulated/)).toBeVisible();
  // The load for all 10,000, from the 6 simulated, labelled as extrapolated.
  await expect(page.getByRole('heading', { name: 'At your scale: 10,000 clients (extrapolated, not simulated)' })).toBeVisible();

  const before = worldInAddress(page);
  await page.getByLabel(/^Clients/).fill('2000000');
  await page.getByLabel(/^Clients/).press('Tab');
  // Said next to the field, which is marked invalid.
  await expect(page.getByLabel(/^Clients/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#pg-clients-problem')).toHaveText('Clients is a whole number from 1 to 1,000,000; you gave 2000000.');
  expect(worldInAddress(page)).toBe(before);
  // The results shown are of the world before: they say so.
  await expect(page.getByText(/^These results are for the world as it was before your last change/)).toBeVisible();
});

test('Run with a refused value runs nothing: focus goes to the field, which says in its own unit what it takes', async ({ page }) => {
  await page.goto('/?screen=playground');
  await page.getByLabel('Segments lost (%)').fill('150');
  await press(page.getByRole('button', { name: 'Run every pattern' }));
  await expect(page.getByLabel('Segments lost (%)')).toBeFocused();
  await expect(page.locator('#pg-loss-problem')).toHaveText('Loss is a percentage from 0 to 50; you gave 150.');
  await expect(page.getByRole('heading', { name: 'Every pattern, same seed' })).toBeHidden();
});

test('a payment provider that offers only webhooks: an event stream and long polling are not run, and the page says why', async ({ page }) => {
  const pay = { ...defaultWorld, offers: { conditionalRequests: false, webhooks: true, websocket: false, streams: false, longPolling: false } };
  await page.goto(`/?screen=playground&world=${encodeWorld(pay)}`);
  await expect(page.getByRole('checkbox', { name: /^An event stream/ })).not.toBeChecked();
  const rows = page.getByRole('region', { name: 'Every pattern, same seed' }).getByRole('row');
  await expect(rows).toHaveCount(patternsFor(pay).length + 1);
  await expect(rows.filter({ hasText: 'Server-Sent Events' })).toHaveCount(0);
  await expect(page.locator('.pg-not-run')).toContainText('Server-Sent Events (the source offers no event stream)');
  await expect(page.locator('.pg-not-run')).toContainText('Long polling (the source does not hold a request open until something changes)');
  // Ticking the offer brings it back.
  await page.getByRole('checkbox', { name: /^An event stream/ }).check();
  await press(page.getByRole('button', { name: 'Run every pattern' }));
  await expect(rows.filter({ hasText: 'Server-Sent Events' })).toHaveCount(1);
});

test('a script that runs once a day: the playground says why every pattern learns only at its runs, and why a webhook reaches nothing', async ({ page }) => {
  const script = { ...defaultWorld, side: 'script' as const, changes: { everyMs: 86_400_000, rhythm: 'steady' as const } };
  await page.goto(`/?screen=playground&world=${encodeWorld(script)}`);
  await expect(page.getByRole('spinbutton', { name: /^A script runs every/ })).toHaveValue('1');
  await expect(page.getByText(/^Your app is a script that runs every 1 d for 30 s, and nothing of it runs in between/)).toBeVisible();
  await expect(page.getByText(/^A connection lives only while the script runs: WebSocket held one for/)).toBeVisible();
  await expect(
    page.getByText(/^A webhook needs something listening at a public address, and a script has none.* deliveries found nothing there/),
  ).toBeVisible();
  await expect(page.getByText(/^No pattern met every goal in this world/)).toBeVisible();
});

test('a daily batch job: asking once a run fits best, and of the patterns that fit equally the page says which held a connection open', async ({ page }) => {
  const batch = {
    ...defaultWorld,
    side: 'script' as const,
    changes: { everyMs: 3_600_000, rhythm: 'random' as const },
    goals: { freshMs: 86_400_000, noLostEvents: true },
  };
  await page.goto(`/?screen=playground&world=${encodeWorld(batch)}`);
  const fit = page.locator('.pg-fit');
  await expect(fit).toContainText(/Equal fit: Polling, Plain request/);
  await expect(fit).toContainText(/Server-Sent Events \([\d.]+ s\) held a connection open to learn as much; Polling and Plain request held none\./);
});

test('in Spanish, the price caption, the counts and the world played on the stage are in Spanish', async ({ page }) => {
  await page.goto(`/?lang=es&screen=playground&world=${encodeWorld({ ...defaultWorld, clients: 1200 })}`);
  await expect(page.getByText(/leído el 30 nov 2026 de una copia de su página de precios/)).toBeVisible();
  await expect(page.getByText(/a 1200 clientes/)).toBeVisible();
  await expect(page.getByRole('cell', { name: /^\d+ de \d+$/ }).first()).toBeVisible();
  await page.getByLabel(/^Clientes/).fill('0');
  await press(page.getByRole('button', { name: 'Ejecutar todos los patrones' }));
  await expect(page.locator('#pg-clients-problem')).toHaveText('Clientes: un número entero de 1 a 1.000.000; diste 0.');
  await page.getByLabel(/^Clientes/).fill('1200');
  await page.getByLabel(/^Clientes/).press('Tab');
  await press(page.getByRole('button', { name: /^Jugar este mundo en el escenario/ }));
  await expect(page.getByRole('heading', { name: 'Tu mundo' })).toBeVisible();
  await expect(page.getByText(/Los datos están en la API de otra empresa/)).toBeVisible();
});

test('a world in the address that does not validate says what is wrong and opens with the defaults', async ({ page }) => {
  await page.goto(`/?screen=playground&world=${encodeWorld({ ...defaultWorld, clients: 0 })}`);
  await expect(page.getByRole('alert').first()).toContainText('world=');
  await expect(page.getByRole('alert').first()).toContainText('Clients is a whole number from 1 to 1,000,000; you gave 0.');
  await expect(page.getByLabel(/^Clients/)).toHaveValue(String(defaultWorld.clients));
});

test('"Save as a level file" writes a level that loads like any other, and the world plays on the stage', async ({ page }) => {
  await page.goto('/?screen=playground');
  const download = page.waitForEvent('download');
  await press(page.getByRole('button', { name: 'Save as a level file' }));
  const file = await (await download).path();
  const parsed = parseLevel(JSON.parse(readFileSync(file, 'utf8')));
  expect(parsed.ok).toBe(true);

  await press(page.getByRole('button', { name: 'Run every pattern' }));
  await press(page.getByRole('button', { name: /^Play this world on the stage/ }));
  await expect(page.getByRole('heading', { name: 'Your world' })).toBeVisible();
  // It opens at its top, the top bar in sight, though the button was far down the results.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(new URL(page.url()).searchParams.get('screen')).toBe('playground');
  expect(new URL(page.url()).searchParams.get('play')).toBe('1');
  // Played to its debrief, the button that leaves goes back to the playground and says so.
  await playByKeyboard(page, /^Webhook/, { skip: true });
  await press(page.getByRole('button', { name: 'Back to the playground' }));
  await expect(page.getByRole('heading', { name: 'Playground', level: 1 })).toBeVisible();
});

test('Back from a world played on the stage returns to the playground with that world and its results; Forward plays it again', async ({ page }) => {
  await page.goto('/');
  await press(page.getByRole('button', { name: 'Playground' }));
  await page.getByLabel(/^Clients/).fill('3');
  await page.getByLabel(/^Clients/).press('Tab');
  await expect.poll(() => worldInAddress(page)).not.toBeNull();
  const world = worldInAddress(page);
  await press(page.getByRole('button', { name: 'Run every pattern' }));
  const rows = page.getByRole('region', { name: 'Every pattern, same seed' }).getByRole('row');
  await expect(rows).toHaveCount(patternsFor(defaultWorld).length + 1);
  const table = await rows.allTextContents();
  await press(page.getByRole('button', { name: /^Play this world on the stage/ }));
  await expect(page.getByRole('heading', { name: 'Your world' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Playground', level: 1 })).toBeVisible();
  expect(worldInAddress(page)).toBe(world);
  expect(new URL(page.url()).searchParams.get('play')).toBeNull();
  await expect(page.getByLabel(/^Clients/)).toHaveValue('3');
  // The results are those worked out before, shown again at once.
  await expect(rows).toHaveCount(table.length);
  expect(await rows.allTextContents()).toEqual(table);

  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Your world' })).toBeVisible();
  // The address reproduces it: a reload plays the same world on the stage.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your world' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Playground', level: 1 })).toBeVisible();
  await expect(page.getByLabel(/^Clients/)).toHaveValue('3');
});
