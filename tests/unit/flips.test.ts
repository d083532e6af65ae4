import { describe, expect, it } from 'vitest';
import type { PatternName } from '../../src/content/patterns.ts';
import { level, levels, run } from './helpers.ts';

/**
 * The proof that outcomes come from the world, not from a key: for every level, one change to its
 * world (the same overrides as `npm run simulate -- --set`) that turns a verdict around.
 */
interface Flip {
  level: string;
  why: string;
  pattern: PatternName;
  params?: Record<string, number>;
  set: Record<string, unknown>;
  before: boolean;
}

const flips: Flip[] = [
  { level: 'wheres-my-package', why: 'the carrier opens a WebSocket endpoint: the socket now keeps the customer informed', pattern: 'websocket', set: { 'source.offers.websocket': true }, before: false },
  { level: 'payment-confirmed', why: 'the provider offers no webhooks: the subscription is refused and the payment goes unnoticed', pattern: 'webhook', set: { 'source.offers.webhooks': false }, before: true },
  { level: 'welcome-email', why: 'your backend cannot be reached from the internet: no webhook arrives', pattern: 'webhook', set: { 'actors[0].reachable': false }, before: true },
  { level: 'deploy-on-merge', why: 'one repository instead of twelve: polling every 4 minutes fits the budget', pattern: 'polling', params: { intervalMs: 240_000 }, set: { 'source.resources': 1 }, before: false },
  { level: 'profile-page', why: 'the profile changes every 10 seconds while it is open: one request no longer does', pattern: 'plain-request', set: { 'world.updateEveryMs': 10_000 }, before: true },
  { level: 'blog-post', why: 'the post is edited every 30 seconds while it is read: one GET no longer shows the current text', pattern: 'plain-request', set: { 'world.updateEveryMs': 30_000 }, before: true },
  { level: 'exchange-rate', why: 'the rate changes every second instead of once a day: the socket now wins', pattern: 'websocket', set: { 'world.updateEveryMs': 1000, 'world.durationMs': 600_000 }, before: false },
  { level: 'nightly-report', why: 'the script becomes a service that runs all day: webhooks now arrive', pattern: 'webhook', set: { 'actors[0].runs.forMs': 86_400_000 }, before: false },
];

describe('changing the world flips the verdict', () => {
  it('every level has a flip', () => {
    expect(levels.map((l) => l.id).filter((id) => !flips.some((f) => f.level === id))).toEqual([]);
  });

  for (const flip of flips) {
    it(`${flip.level}: ${flip.why}`, async () => {
      const before = await run(level(flip.level), flip.pattern, flip.params);
      const after = await run(level(flip.level, flip.set), flip.pattern, flip.params);
      expect(before.verdict.passed).toBe(flip.before);
      expect(after.verdict.passed).toBe(!flip.before);
    });
  }
});
