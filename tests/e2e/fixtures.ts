import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { speeds } from '../../src/flow/run-protocol.ts';

/**
 * Every test fails if a page logs an error or throws: the check is automatic, not opt-in.
 * It listens on the browser context, not the page, so it also hears the iframes of a page (their
 * console messages and uncaught errors reach the context, in or out of the page's process) and any
 * other page a test opens. tests/e2e/fixtures.spec.ts checks that each of those is caught.
 */
export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const where = (url: string) => (url ? ` (${url})` : '');
      context.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${m.text()}${where(m.location().url)}`);
      });
      context.on('weberror', (e) => errors.push(`${e.error().message}${where(e.page()?.url() ?? '')}`));
      await use(errors);
      expect(errors, 'console errors and uncaught errors in any page or frame').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Activate a control with the keyboard: focus it, press Enter. */
export async function press(target: Locator): Promise<void> {
  await target.focus();
  await expect(target).toBeFocused();
  await target.press('Enter');
}

type Scope = Page | ReturnType<Page['frameLocator']>;

/** Play a level to its debrief with the keyboard alone and return the debrief region. */
export async function playByKeyboard(scope: Scope, pattern: RegExp, options: { skip?: boolean } = {}): Promise<Locator> {
  await press(scope.getByRole('button', { name: 'Choose a pattern' }));
  await press(scope.getByRole('button', { name: pattern }));
  await expect(scope.getByRole('button', { name: pattern })).toHaveAttribute('aria-pressed', 'true');
  return runToDebrief(scope, options);
}

/** The fastest playback speed offered. */
export const FASTEST = String(Math.max(...speeds));

/** From the choice, with a pattern picked: Run, at the fastest speed, skipping to the end; return the debrief region. */
export async function runToDebrief(scope: Scope, options: { skip?: boolean } = {}): Promise<Locator> {
  await press(scope.getByRole('button', { name: 'Run', exact: true }));
  const speed = scope.getByRole('combobox', { name: 'Speed' });
  const debrief = scope.getByRole('region', { name: 'Debrief' });
  try {
    await speed.focus({ timeout: 2000 });
    await speed.press('End', { timeout: 2000 });
    await expect(speed).toHaveValue(FASTEST, { timeout: 2000 });
  } catch {
    // A short run (one request) may be over before the speed is set: then the debrief is already there.
    await expect(debrief).toBeVisible({ timeout: 2000 });
  }
  if (options.skip !== false) {
    // A short run may already be over at 100x: then there is nothing left to skip.
    const skip = scope.getByRole('button', { name: 'Skip to end' });
    try {
      await skip.focus({ timeout: 2000 });
      await skip.press('Enter', { timeout: 2000 });
    } catch {
      await expect(debrief).toBeVisible({ timeout: 2000 });
    }
  }
  await expect(debrief).toBeVisible({ timeout: 45_000 });
  return debrief;
}
