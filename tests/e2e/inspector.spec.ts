import type { Page } from '@playwright/test';
import { expect, press, test } from './fixtures.ts';
import { level, patternButton } from './level.ts';

/** The message inspector: any message of the run as it crossed the wire, picked in the log by keyboard or on the stage. */

async function pausedRun(page: Page, pattern: Parameters<typeof patternButton>[0], levelId = level.id) {
  await page.goto(`/?level=${levelId}`);
  await press(page.getByRole('button', { name: 'Choose a pattern' }));
  await press(page.getByRole('button', { name: patternButton(pattern) }));
  await press(page.getByRole('button', { name: 'Run', exact: true }));
  await press(page.getByRole('button', { name: 'Pause' }));
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toBeEnabled();
  return slider;
}

/** With the keyboard: from the newest line of the log, up line by line until the inspector shows `text`. */
async function pickInLog(page: Page, text: string): Promise<void> {
  const log = page.getByRole('log', { name: 'Message log' });
  const inspector = page.getByRole('region', { name: 'Message inspector' });
  await log.focus();
  await expect(log).toBeFocused();
  await log.press('End');
  for (let i = 0; i < 12 && !(await inspector.textContent())?.includes(text); i++) await log.press('ArrowUp');
  await expect(inspector).toContainText(text);
}

test('a poll shows If-None-Match and its answer the ETag, picked in the log with the keyboard', async ({ page }) => {
  const slider = await pausedRun(page, 'polling');
  await slider.focus();
  for (let i = 0; i < 4; i++) await slider.press('PageUp');
  await pickInLog(page, 'If-None-Match: "v');
  const inspector = page.getByRole('region', { name: 'Message inspector' });
  await expect(inspector).toContainText('Request: GET /v1/tracking/PKG-1043');
  await expect(inspector.getByRole('definition').first()).toContainText('304 Not Modified');
  await expect(page.getByRole('log', { name: 'Message log' }).locator('li[aria-current="true"]')).toContainText('GET /v1/tracking/PKG-1043');
  // The next message is its answer, with the version it holds now: 304 and no body when that is the
  // version asked about, else 200 and the data.
  await page.getByRole('log', { name: 'Message log' }).press('ArrowDown');
  await expect(inspector).toContainText(/Answer: (304 Not Modified|200 OK)/);
  await expect(inspector).toContainText('ETag: "v');
  const answer = (await inspector.textContent())!;
  if (answer.includes('304')) await expect(inspector).toContainText('No body.');
  else await expect(inspector.getByRole('term').filter({ hasText: /^status$/ })).toBeVisible();
});

test('a webhook delivery shows its signature headers, explained, and its body in words', async ({ page }) => {
  const slider = await pausedRun(page, 'webhook');
  await slider.focus();
  for (let i = 0; i < 4; i++) await slider.press('PageUp');
  await pickInLog(page, 'webhook-signature: v1,');
  const inspector = page.getByRole('region', { name: 'Message inspector' });
  await expect(inspector).toContainText('Webhook delivery: POST /webhooks/shipping');
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'])
    await expect(inspector.getByRole('term').filter({ hasText: name })).toBeVisible();
  await expect(inspector).toContainText('HMAC-SHA256');
  await expect(inspector.getByRole('term').filter({ hasText: /^status$/ })).toBeVisible();
  await expect(inspector).not.toContainText('{"');
});

test('a message on its way is picked on the stage with a click', async ({ page }) => {
  const slider = await pausedRun(page, 'webhook');
  // The shop's subscription leaves at the start; Step stops where it arrives. Half-way, it is mid-link.
  await press(page.getByRole('button', { name: 'Step', exact: true }));
  await page.waitForTimeout(600);
  const arrives = Number(await slider.inputValue());
  expect(arrives).toBeGreaterThan(0);
  await slider.fill(String(Math.round(arrives / 2)));
  await page.waitForTimeout(200);
  // The first level's stage is 960 by 540: the shop and the carrier face each other at mid-height,
  // and a message from the shop keeps 13 px to the left of its link (above it, going right).
  const canvas = page.locator('.stage canvas');
  const box = (await canvas.boundingBox())!;
  const scale = box.width / 960;
  await canvas.click({ position: { x: 480 * scale, y: (70 + 0.55 * 330 - 13) * scale } });
  await expect(page.getByRole('region', { name: 'Message inspector' })).toContainText('Request: POST /v1/webhooks');
});

test('the log says what WebSocket frames and event-stream chunks carried in words, never as JSON', async ({ page }) => {
  for (const [levelId, pattern] of [
    ['team-chat', 'websocket'],
    ['ai-answer', 'sse'],
  ] as const) {
    const slider = await pausedRun(page, pattern, levelId);
    await slider.focus();
    await slider.press('End');
    await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
    const lines = page.getByRole('log', { name: 'Message log' }).locator('li');
    await expect(lines.filter({ hasText: pattern === 'websocket' ? 'WebSocket frame:' : 'event streamed:' }).first()).toBeVisible();
    expect(await lines.filter({ hasText: /[{}]/ }).count()).toBe(0);
  }
});
