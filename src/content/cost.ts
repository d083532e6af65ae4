import type { Metrics } from '../sim/metrics.ts';
import { formatDate } from '../sim/format.ts';
import { say } from './present.ts';
import { words } from './text/index.ts';

/**
 * A run's cost at scale: what it measured, scaled to a month and to the whole audience, priced at the unit
 * prices of a managed API gateway. An estimate, labelled as one wherever it is shown; the learner may
 * change the prices.
 */

export interface UnitPrices {
  /** US dollars per million HTTP requests. */
  perMillionRequests: number;
  /** US dollars per million messages over a held connection (each up to 32 KB). */
  perMillionMessages: number;
  /** US dollars per million connection-minutes held open. */
  perMillionConnectionMinutes: number;
  /** Where the prices come from, and when they were read. */
  source: string;
}

/** When the default prices were read, and the date of the copy of the price page they were read from. */
export const priceList = { read: '2026-11-30', dated: '2026-09-20' };

/**
 * Amazon API Gateway, US East: HTTP APIs $1.00 per million requests (the first 300 million a month), WebSocket
 * APIs $1.00 per million messages and $0.25 per million connection minutes. Read on 2026-11-30 from a copy of
 * aws.amazon.com/api-gateway/pricing dated 2026-09-20; free tiers and data transfer are left out. The caption is
 * in the game's words (`playground.priceSource`), in the language it speaks.
 */
export const defaultPrices = (): UnitPrices => ({
  perMillionRequests: 1,
  perMillionMessages: 1,
  perMillionConnectionMinutes: 0.25,
  source: say(words().playground.priceSource, { read: formatDate(priceList.read), dated: formatDate(priceList.dated) }),
});

const MONTH_MS = 30 * 86_400_000;

export interface CostEstimate {
  /** How many times the run's measurements are multiplied: months of it, and the audience over the simulated clients. */
  factor: number;
  requests: number;
  messages: number;
  connectionMinutes: number;
  /** US dollars a month, by line and in all. */
  dollars: { requests: number; messages: number; connections: number; total: number };
}

/**
 * The run's requests (those your app sent, and the webhook deliveries your endpoint answered: one refused, with
 * nothing listening at a browser's or a sleeping script's address, or lost on the way, reached nothing that bills), the messages over
 * held connections (WebSocket frames and event-stream chunks alike, at the WebSocket rate, so that the two compare)
 * and the connection time, scaled to a 30-day month and to `audience` clients from the `simulated` ones.
 */
export function monthlyCost(metrics: Metrics, simulated: number, audience: number, prices: UnitPrices = defaultPrices()): CostEstimate {
  const factor = (MONTH_MS / Math.max(1, metrics.durationMs)) * (audience / Math.max(1, simulated));
  const requests = (metrics.requests + metrics.deliveries - metrics.failedDeliveries) * factor;
  const messages = (metrics.frames + metrics.chunks) * factor;
  const connectionMinutes = (metrics.connectionMs / 60_000) * factor;
  const dollars = {
    requests: (requests / 1e6) * prices.perMillionRequests,
    messages: (messages / 1e6) * prices.perMillionMessages,
    connections: (connectionMinutes / 1e6) * prices.perMillionConnectionMinutes,
    total: 0,
  };
  dollars.total = dollars.requests + dollars.messages + dollars.connections;
  return { factor, requests, messages, connectionMinutes, dollars };
}
