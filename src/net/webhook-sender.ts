import type { VirtualClock } from '../sim/clock.ts';
import { fnv1a } from '../sim/hash.ts';

/**
 * The source server's webhook sender: a real POST to every subscribed URL for every change, with the
 * Standard Webhooks headers (an id, a timestamp, a signature), retried on its schedule on failure.
 */
export class WebhookSender {
  readonly subscriptions = new Set<string>();

  constructor(
    private readonly clock: VirtualClock,
    /** The wait before each retry; after the last one the delivery is given up. */
    private readonly retryMs: number[],
    private readonly stopped: () => boolean,
  ) {}

  /** Deliver one change (its version is the delivery's id) to every subscriber. */
  send(payload: string, version: number): void {
    for (const url of this.subscriptions) void this.deliver(url, payload, 1, version);
  }

  private async deliver(url: string, payload: string, attempt: number, version: number): Promise<void> {
    let delivered: boolean;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': `evt_${version}`,
          'webhook-timestamp': String(Math.floor(this.clock.now() / 1000)),
          'webhook-signature': `v1,${signature(payload)}`,
          'webhook-attempt': String(attempt),
        },
        body: payload,
      });
      delivered = response.ok;
    } catch {
      delivered = false;
    }
    if (!delivered && !this.stopped() && attempt <= this.retryMs.length) {
      await this.clock.sleep(this.retryMs[attempt - 1]);
      if (!this.stopped()) await this.deliver(url, payload, attempt + 1, version);
    }
  }
}

/** A stand-in for the HMAC-SHA256 of a payload: 32 bytes in base64, the size a real one has on the wire. */
function signature(payload: string): string {
  return btoa(fnv1a(payload).toString(16).padStart(8, '0').repeat(4));
}
