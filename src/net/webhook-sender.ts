import type { VirtualClock } from '../sim/clock.ts';
import type { Random } from '../sim/random.ts';
import { newSecret, signWebhook } from './webhook-signature.ts';

/**
 * The source server's webhook sender: a real POST to every subscribed URL for every change, signed
 * with the subscription's secret (Standard Webhooks headers: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), retried on its schedule until it gets a 2xx. Each attempt carries the same
 * id and a fresh timestamp and signature. Delivery is at least once: an attempt whose answer is lost
 * is sent again though the receiver had it, so receivers dedupe on the id.
 */
/** How long the sender waits for a delivery's answer before it counts the attempt failed (GitHub waits 10 s). */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** A delivery as it left the sender: what someone who captured it could send again (a replay). */
export interface SentDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
  t: number;
}

export class WebhookSender {
  /** Each subscribed URL and its signing secret. */
  readonly subscriptions = new Map<string, string>();
  /** Every attempt sent, in order. */
  readonly sent: SentDelivery[] = [];

  constructor(
    private readonly clock: VirtualClock,
    /** The wait before each retry; after the last one the delivery is given up. */
    private readonly retryMs: number[],
    private readonly stopped: () => boolean,
    private readonly random: Random,
    /** A sloppy sender gives each retry a new id (Standard Webhooks asks for the same one): the level's `source.newIdEachAttempt`. */
    private readonly newIdEachAttempt = false,
    /** Told when an attempt got no answer within DELIVERY_TIMEOUT_MS (the sender stops waiting and counts it failed). */
    private readonly timedOut: (id: string, attempt: number) => void = () => undefined,
  ) {}

  /** Subscribe a URL: the answer is the secret its deliveries are signed with. */
  subscribe(url: string): string {
    const secret = this.subscriptions.get(url) ?? newSecret(this.random);
    this.subscriptions.set(url, secret);
    return secret;
  }

  /** Deliver one change (its version is the delivery's id) to every subscriber. */
  send(payload: string, version: number): void {
    void this.attempt([...this.subscriptions], payload, `msg_${version}`, 1);
  }

  /**
   * One attempt to each of `targets`: all are signed first, then all are posted in order, so that
   * deliveries made at one moment leave in the same order in every run.
   */
  private async attempt(targets: Array<[url: string, secret: string]>, payload: string, id: string, attempt: number): Promise<void> {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    const idOnWire = this.newIdEachAttempt && attempt > 1 ? `${id}_retry${attempt - 1}` : id;
    const signatures = await this.clock.holding(() => Promise.all(targets.map(([, secret]) => signWebhook(secret, idOnWire, timestamp, payload))));
    targets.forEach(([url, secret], i) => {
      const headers = {
        'content-type': 'application/json',
        'webhook-id': idOnWire,
        'webhook-timestamp': timestamp,
        'webhook-signature': signatures[i],
        'webhook-attempt': String(attempt),
      };
      this.sent.push({ url, headers, body: payload, t: this.clock.now() });
      void this.post(url, headers, payload, () => this.timedOut(idOnWire, attempt)).then(async (delivered) => {
        if (delivered || this.stopped() || attempt > this.retryMs.length) return;
        await this.clock.sleep(this.retryMs[attempt - 1]);
        if (!this.stopped()) await this.attempt([[url, secret]], payload, id, attempt + 1);
      });
    });
  }

  /** True when the receiver answered 2xx within DELIVERY_TIMEOUT_MS; the sender stops waiting then. */
  private async post(url: string, headers: Record<string, string>, body: string, timedOut: () => void): Promise<boolean> {
    const giveUp = new AbortController();
    const timer = this.clock.setTimeout(() => {
      timedOut();
      giveUp.abort();
    }, DELIVERY_TIMEOUT_MS);
    try {
      return (await fetch(url, { method: 'POST', headers, body, signal: giveUp.signal })).ok;
    } catch {
      return false;
    } finally {
      this.clock.clearTimeout(timer);
    }
  }
}
