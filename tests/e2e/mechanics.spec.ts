import { formatMetric } from '../../src/content/present.ts';
import { en } from '../../src/content/text/en.ts';
import type { PatternName } from '../../src/content/patterns.ts';
import type { MetricName } from '../../src/sim/metrics.ts';
import { expect, playByKeyboard, test } from './fixtures.ts';
import { patternButton, simulateJson } from './level.ts';

/**
 * The mechanics beyond one client and one resource, played in the page: several clients at once,
 * bids turned down, an answer streamed as server-sent events, a direct call between two services of
 * yours, a form sent as one POST. The page must measure what the command line measures.
 */
const cases: Array<{ level: string; pattern: PatternName; metrics: MetricName[] }> = [
  { level: 'team-chat', pattern: 'websocket', metrics: ['stalenessMaxMs', 'frames', 'requests'] },
  { level: 'team-chat', pattern: 'long-polling', metrics: ['stalenessMaxMs', 'emptyResponses', 'requests'] },
  { level: 'live-auction', pattern: 'polling', metrics: ['failedSubmissions', 'requests', 'stalenessMaxMs'] },
  { level: 'ai-answer', pattern: 'sse', metrics: ['firstByteMs', 'stalenessMaxMs', 'requests'] },
  { level: 'live-ticker', pattern: 'websocket', metrics: ['latestStalenessMaxMs', 'requests', 'peakConnections'] },
  { level: 'live-ticker', pattern: 'sse', metrics: ['latestStalenessMaxMs', 'connectionMs', 'bytes'] },
  { level: 'order-emails', pattern: 'direct-call', metrics: ['publicEndpoints', 'messagesPerChange', 'stalenessMaxMs'] },
  { level: 'contact-form', pattern: 'plain-request', metrics: ['messages', 'firstByteMs', 'connectionMs'] },
];

for (const c of cases) {
  test(`${c.level} with ${c.pattern}: the page measures what the command line measures`, async ({ page }) => {
    await page.goto(`/?level=${c.level}`);
    const debrief = await playByKeyboard(page, patternButton(c.pattern));
    const cli = simulateJson(c.pattern, 1, c.level);
    await expect(debrief).toContainText(`${cli.verdict.stars} of 3 stars`);
    const metrics = debrief.locator('dl.metrics');
    for (const metric of c.metrics) {
      const shown = metrics.locator('dt').filter({ hasText: en.metrics[metric] }).first().locator('xpath=following-sibling::dd[1]');
      await expect(shown, metric).toHaveText(formatMetric(metric, cli.metrics[metric]));
    }
  });
}

test('a level with a crowd shows what is measured and what is extrapolated, labelled apart', async ({ page }) => {
  await page.goto('/?level=live-ticker');
  const debrief = await playByKeyboard(page, patternButton('polling'));
  const scale = debrief.locator('.scale');
  await expect(scale).toContainText('Measured with the 4 simulated clients; extrapolated to 40,000');
  await expect(scale.getByRole('columnheader', { name: 'Extrapolated (40,000)' })).toBeVisible();
});
