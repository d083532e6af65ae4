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
  {
    level: 'wheres-my-package',
    why: 'the carrier offers no webhooks: the subscription is refused and Maya hears of no scan',
    pattern: 'webhook',
    set: { 'source.offers.webhooks': false },
    before: true,
  },
  {
    level: 'payment-confirmed',
    why: 'the provider offers no webhooks: the subscription is refused and the payment goes unnoticed',
    pattern: 'webhook',
    set: { 'source.offers.webhooks': false },
    before: true,
  },
  {
    level: 'welcome-email',
    why: 'your backend cannot be reached from the internet: no webhook arrives',
    pattern: 'webhook',
    set: { 'actors[0].reachable': false },
    before: true,
  },
  {
    level: 'deploy-on-merge',
    why: 'one repository instead of twelve: polling every 4 minutes fits the budget',
    pattern: 'polling',
    params: { intervalMs: 240_000 },
    set: { 'source.resources': 1 },
    before: false,
  },
  {
    level: 'profile-page',
    why: 'the profile changes every 10 seconds while it is open: one request no longer does',
    pattern: 'plain-request',
    set: { 'world.updateEveryMs': 10_000 },
    before: true,
  },
  {
    level: 'blog-post',
    why: 'the post is edited every 30 seconds while it is read: one GET no longer shows the current text',
    pattern: 'plain-request',
    set: { 'world.updateEveryMs': 30_000 },
    before: true,
  },
  {
    level: 'exchange-rate',
    why: 'the rate changes every second instead of once a day: the socket now wins',
    pattern: 'websocket',
    set: { 'world.updateEveryMs': 1000, 'world.durationMs': 600_000 },
    before: false,
  },
  {
    level: 'exchange-rate',
    why: 'ETag decides: the rates service answers without ETags, so every hourly poll carries the rate history again and runs over 4 KB per rate',
    pattern: 'polling',
    set: { 'source.offers.conditionalRequests': false },
    before: true,
  },
  {
    level: 'team-chat',
    why: 'bytes stop mattering (1 KB per message allowed): an event stream and a POST per message pass as a WebSocket does',
    pattern: 'sse',
    set: { 'goals[4].max': 1000 },
    before: false,
  },
  {
    level: 'team-chat',
    why: 'the team is on a satellite link, 1.5 s each way: not even a socket shows a message within a second',
    pattern: 'websocket',
    set: { 'network.latencyMs': 1500 },
    before: true,
  },
  {
    level: 'live-auction',
    why: 'a slow link, 1.2 s each way: the socket can no longer show a new price within a second',
    pattern: 'websocket',
    set: { 'network.latencyMs': 1200 },
    before: true,
  },
  {
    level: 'ai-answer',
    why: 'a three-word answer written in 0.15 s: waiting for the whole of it is fine',
    pattern: 'plain-request',
    set: { 'source.stream.tokens': 3, 'source.stream.everyMs': 50 },
    before: false,
  },
  {
    level: 'live-ticker',
    why: 'the viewers are partner servers with public addresses, not browsers: webhooks reach them',
    pattern: 'webhook',
    set: { 'actors[0].reachable': true, 'actors[1].reachable': true, 'actors[2].reachable': true, 'actors[3].reachable': true },
    before: false,
  },
  {
    level: 'order-emails',
    why: "the order service belongs to another company: you can't make it call your mailer",
    pattern: 'direct-call',
    set: { 'source.yours': false },
    before: true,
  },
  {
    level: 'contact-form',
    why: 'the form becomes a support chat with twenty messages: one POST each is no longer lean',
    pattern: 'plain-request',
    set: { 'world.actions.count': 20, 'world.actions.fromMs': 5000, 'world.actions.toMs': 115_000 },
    before: true,
  },
  {
    level: 'nightly-report',
    why: 'the script becomes a service that runs all day: webhooks now arrive',
    pattern: 'webhook',
    set: { 'actors[0].runs.forMs': 86_400_000 },
    before: false,
  },
  {
    level: 'slow-monday',
    why: 'the provider gives each retry a new webhook-id: acting on each delivery id once no longer tells the retry from a new payment',
    pattern: 'webhook',
    params: { dedupe: 1 },
    set: { 'source.newIdEachAttempt': true },
    before: true,
  },
  {
    level: 'payment-from-nowhere',
    why: 'the signing secret leaked: the forgery is validly signed and fresh, so verifying no longer refuses it',
    pattern: 'webhook',
    params: { verify: 1 },
    set: { 'world.attacks[1].leakedSecret': true },
    before: true,
  },
  {
    level: 'out-again',
    why: 'the shop is down until the run ends: the carrier gives up on both scans, and no ordering shows what never came',
    pattern: 'webhook',
    params: { ordered: 1 },
    set: { 'world.outages[0].toMs': 8 * 3_600_000 },
    before: true,
  },
  {
    level: 'an-hour-offline',
    why: 'the API keeps only the latest payment: the hourly reconciliation finds the last one missed, not the one before it',
    pattern: 'webhook',
    params: { reconcile: 1 },
    set: { 'source.latestOnly': true },
    before: true,
  },
  {
    level: 'silent-scoreboard',
    why: 'the NAT forgets a quiet connection after 20 s, before the 25 s ping: with both defences on, every socket dies between pings and they all come back together',
    pattern: 'websocket',
    params: { heartbeat: 1, jitter: 1 },
    set: { 'network.natIdleTimeoutMs': 20_000 },
    before: true,
  },
  {
    level: 'broken-answer',
    why: 'the phone goes through a tunnel for 26 s instead of switching networks: nothing gets through, and resuming cannot bring the words any sooner',
    pattern: 'sse',
    params: { resume: 1 },
    set: { 'network.lossBursts': [{ fromMs: 4000, toMs: 30_000, loss: 1 }] },
    before: true,
  },
  {
    level: 'on-the-hour',
    why: 'a deploy restarts every thermostat in the same second: each asks at once when it starts, and a random start of the rhythm cannot spread that first question',
    pattern: 'polling',
    params: { spread: 1 },
    set: { 'world.joins': { fromMs: 0, toMs: 0 } },
    before: true,
  },
  {
    level: 'slow-viewer',
    why: 'the viewer needs every trade, not just the latest price: sending only the latest loses the ones in between',
    pattern: 'websocket',
    params: { conflate: 1 },
    set: { 'goals[1].metric': 'lostEvents', 'goals[1].max': 0 },
    before: true,
  },
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
