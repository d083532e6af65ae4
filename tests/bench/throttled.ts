/**
 * The budgets of a budget phone on a slow link (docs/architecture.md, Budgets), measured in headless
 * Chromium through the DevTools protocol: the CPU slowed 4x (Emulation.setCPUThrottlingRate) and,
 * where said, a slow 4G link (Network.emulateNetworkConditions: 150 ms, 1.6 Mbit/s down, 750 kbit/s up).
 * Also the heap over a long session: 25 runs in a row against 3.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { patternButton } from '../e2e/level.ts';

export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

export async function throttled(browser: Browser, options: { network: boolean }): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (options.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  return { page, cdp };
}

/** Milliseconds from navigation to the title screen's level list being there to press. */
export async function firstScreenMs(page: Page, origin: string): Promise<number> {
  const started = Date.now();
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Levels', exact: true }).first().waitFor({ state: 'visible' });
  return Date.now() - started;
}

/**
 * A player reads the briefing for a few seconds, chooses a pattern and presses Run at once: whether the
 * stage was drawn by then (it should be: it is loaded while they read), and how long from Run until
 * the run plays (its timeline can be scrubbed), the run being worked out in that time.
 */
export async function runWait(
  page: Page,
  origin: string,
  levelId: string,
  pattern: Parameters<typeof patternButton>[0],
  readMs: number,
): Promise<{ stageReady: boolean; playMs: number }> {
  await page.goto(`${origin}/?level=${levelId}&speed=1`);
  await page.getByRole('button', { name: 'Choose a pattern' }).waitFor();
  await page.waitForTimeout(readMs);
  await page.getByRole('button', { name: 'Choose a pattern' }).click();
  await page.getByRole('button', { name: patternButton(pattern) }).click();
  const started = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const stageReady = (await page.locator('.stage[data-smallest-font]').count()) > 0;
  await page.getByRole('slider', { name: 'Timeline' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  return { stageReady, playMs: Date.now() - started };
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

/** The heap (MB, after collecting garbage) after 3 runs and after 25 runs of one level in a row. */
export async function heapOverRuns(page: Page, cdp: CDPSession, origin: string): Promise<{ after3: number; after25: number }> {
  await page.goto(`${origin}/?level=wheres-my-package&speed=20`);
  await page.getByRole('button', { name: 'Choose a pattern' }).click();
  await page.getByRole('button', { name: patternButton('polling') }).click();
  const debrief = page.getByRole('region', { name: 'Debrief' });
  let after3 = 0;
  for (let run = 1; run <= 25; run++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .getByRole('button', { name: 'Skip to end' })
      .click({ timeout: 30_000 })
      .catch(() => undefined);
    await debrief.waitFor({ timeout: 60_000 });
    if (run === 3) after3 = await heapMb(cdp);
    if (run < 25) await debrief.getByRole('button', { name: 'Retry' }).click();
  }
  return { after3, after25: await heapMb(cdp) };
}
