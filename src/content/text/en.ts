import type { MetricName } from '../../sim/metrics.ts';
import type { PatternName } from '../patterns.ts';

/** Player-facing words of the game itself (the levels carry their own). One source language. */
export const en = {
  gameTitle: 'Push or Poll',
  tagline: 'When should your app ask, and when should it be told?',
  intro:
    'Each level is a real situation. Pick how your app gets its news (polling, a webhook, a WebSocket or one plain request), run it over a simulated network, and see what it cost.',
  patterns: {
    polling: 'Polling',
    webhook: 'Webhook',
    websocket: 'WebSocket',
    'plain-request': 'Plain request',
  } satisfies Record<PatternName, string>,
  patternBlurbs: {
    polling: 'Ask the server again and again: "anything new?"',
    webhook: 'Give the server your URL; it calls you when something happens.',
    websocket: 'Hold one connection open; the server pushes over it at once.',
    'plain-request': 'Ask once, when you need it.',
  } satisfies Record<PatternName, string>,
  metrics: {
    requests: 'Requests sent',
    emptyResponses: 'Answers with nothing new',
    messages: 'Messages on the wire',
    messagesPerChange: 'Messages per change',
    bytes: 'Bytes on the wire',
    connectionMs: 'Connection held open',
    frames: 'WebSocket frames',
    deliveries: 'Webhook deliveries',
    failedDeliveries: 'Failed deliveries',
    retriedDeliveries: 'Retried deliveries',
    events: 'Changes in the world',
    lostEvents: 'Changes never learned',
    stalenessP50Ms: 'Delay to learn a change (median)',
    stalenessMaxMs: 'Delay to learn a change (worst)',
    peakServerRps: 'Peak load on a server (per second)',
    refused: 'Refused by the server',
    errors: 'Error answers',
    durationMs: 'Simulated time',
  } satisfies Record<MetricName, string>,
};

export type GameText = typeof en;
