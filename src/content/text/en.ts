import type { MetricName } from '../../sim/metrics.ts';
import type { PatternParam } from '../pattern-registry.ts';
import type { PatternName, RuleId } from '../patterns.ts';

/** Player-facing words of the game itself (the levels carry their own). One source language. */
export const en = {
  gameTitle: 'Push or Poll',
  tagline: 'When should your app ask, and when should it be told?',
  intro:
    'Each level is a real situation. Pick how your app gets its news (polling, a webhook, a WebSocket, server-sent events, a direct call or one plain request), run it over a simulated network, and see what it cost.',
  patterns: {
    polling: 'Polling',
    webhook: 'Webhook',
    websocket: 'WebSocket',
    'plain-request': 'Plain request',
    sse: 'Server-Sent Events',
    'direct-call': 'Direct call or queue',
    'long-polling': 'Long polling',
  } satisfies Record<PatternName, string>,
  patternBlurbs: {
    polling: 'Ask the server again and again: "anything new?"',
    webhook: 'Give the server your URL; it calls you when something happens.',
    websocket: 'Hold one connection open; the server pushes over it at once.',
    'plain-request': 'Ask once, when you need it.',
    sse: 'One request whose answer keeps streaming, event by event.',
    'direct-call': 'Both sides are yours: one service calls the other itself.',
    'long-polling': 'Ask, and the server holds the question until there is news; then ask again.',
  } satisfies Record<PatternName, string>,
  /** A tunable parameter's label, and how its value reads (`{value}` is the number in its unit). */
  patternParams: {
    intervalMs: { label: 'Polling interval', value: 'every {value}' },
  } satisfies Record<PatternParam, { label: string; value: string }>,
  guide: {
    title: 'Field guide',
    intro: 'The rules this game teaches. Each one is learned when you pass its level.',
    definitions: [
      {
        term: 'Webhook',
        text: "An automatic notification from one app to another when something happens: a text when your package arrives, instead of refreshing the tracking page all day. The other app makes an HTTP request to a URL you gave it, signed so that you can tell it is really from them; it may deliver the same event more than once (at least once), so you act on each delivery's id once.",
      },
      {
        term: 'WebSocket',
        text: 'A persistent, two-way connection between a browser and a server. Once it is open, the server can push data the instant it has it, and the browser can send too.',
      },
      {
        term: 'Long polling',
        text: 'Polling where the server holds each question until it has news (or a timeout passes), and the client asks again at once. News arrives within one trip, over plain HTTP, at the cost of a request for every piece of news.',
      },
      {
        term: 'Server-Sent Events',
        text: 'A one-way cousin of the WebSocket over plain HTTP: one request whose answer stays open, and the server writes each event into it as it happens. It fits wherever data only flows from the server to the browser.',
      },
    ],
    learned: 'Learned',
    notYet: 'Not yet learned',
    noLevel: 'No level teaches this yet.',
  },
  rules: {
    'intro-package': {
      group: 'Webhooks: the idea',
      text: 'A text when your package arrives, instead of refreshing the tracking page all day.',
      answer: 'Webhook',
    },
    'wh-happened': { group: 'Use webhooks', text: 'To learn that something happened in another app: paid, shipped, merged.', answer: 'Webhook' },
    'wh-realtime': {
      group: 'Use webhooks',
      text: 'To react in real time: a welcome e-mail at sign-up, inventory at order, not on a 5-minute delay.',
      answer: 'Webhook',
    },
    'wh-third-party': { group: 'Use webhooks', text: 'With third-party services such as Stripe, GitHub, Shopify or Twilio.', answer: 'Webhook' },
    'ws-instant': {
      group: 'Use WebSockets',
      text: 'For instant updates (chat, live dashboards, collaborative editing) when a 3-second delay is too slow.',
      answer: 'WebSocket',
    },
    'ws-two-way': { group: 'Use WebSockets', text: 'When data flows both ways: multiplayer games, live auctions.', answer: 'WebSocket' },
    'ws-ai-stream': { group: 'Use WebSockets', text: 'To stream an AI answer token by token.', answer: 'WebSocket (server-sent events also fit)' },
    'ws-many-viewers': { group: 'Use WebSockets', text: 'When many users see the same live data: tickers, scores, whiteboards.', answer: 'WebSocket' },
    'wh-avoid-once': { group: 'Avoid webhooks', text: 'When you only need the data once: make a request.', answer: 'Plain request' },
    'wh-avoid-both-sides': {
      group: 'Avoid webhooks',
      text: 'When you control both systems: a direct call, a queue or a database trigger.',
      answer: 'Direct call or queue',
    },
    'wh-avoid-tiny-script': { group: 'Avoid webhooks', text: 'In a tiny script that runs now and then: poll occasionally.', answer: 'Polling, occasionally' },
    'ws-avoid-page-once': { group: 'Avoid WebSockets', text: 'When a page loads once: a profile, a blog post, search results.', answer: 'Plain request' },
    'ws-avoid-rare': { group: 'Avoid WebSockets', text: 'When updates are rare (hourly, daily).', answer: 'Polling or a webhook' },
    'ws-avoid-form': { group: 'Avoid WebSockets', text: 'For a simple form submission (contact, sign-up, checkout): one POST.', answer: 'Plain request' },
  } satisfies Record<RuleId, { group: string; text: string; answer: string }>,
  metrics: {
    requests: 'Requests sent',
    emptyResponses: 'Answers with nothing new',
    messages: 'Messages on the wire',
    messagesPerChange: 'Messages per change',
    bytes: 'Bytes on the wire',
    retransmits: 'Segments sent again after a loss',
    connectionMs: 'Connections held open (time, summed)',
    connectionPerChangeMs: 'Connection time held per change',
    peakConnections: 'Connections open at once (most)',
    bytesPerChange: 'Bytes on the wire per change',
    frames: 'WebSocket frames',
    deliveries: 'Webhook deliveries',
    failedDeliveries: 'Failed deliveries',
    retriedDeliveries: 'Retried deliveries',
    events: 'Changes in the world',
    lostEvents: 'Changes never learned',
    stalenessP50Ms: 'Delay to learn a change (median)',
    stalenessMaxMs: 'Delay to learn a change (worst)',
    latestStalenessMaxMs: 'Delay to show the latest value (worst)',
    peakServerRps: 'Peak load on a server (per second)',
    peakRequestsPerSecond: 'Peak requests at a server (per second)',
    peakPushesPerSecond: 'Peak pushes from a server (per second): its fan-out',
    reconnects: 'Reconnections',
    peakReconnectsPerSecond: 'Peak reconnections at a server (per second)',
    refused: 'Refused (nobody there, or not offered)',
    errors: 'Error answers',
    firstByteMs: 'Wait for the first of the answer (worst)',
    failedSubmissions: "Users' actions that did not go through",
    publicEndpoints: 'Endpoints open to the internet',
    durationMs: 'Simulated time',
  } satisfies Record<MetricName, string>,
};

export type GameText = typeof en;
