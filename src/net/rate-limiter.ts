/**
 * The source server's rate limit: at most `requests` from one client within any `perMs`. A sliding
 * window of the times of each client's accepted requests.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: { requests: number; perMs: number } | undefined,
    private readonly now: () => number,
  ) {}

  /** Count a client's request; the answer is how long it must wait (ms), or 0 when it may go on. */
  admit(client: string): number {
    if (!this.limit) return 0;
    const { requests, perMs } = this.limit;
    const now = this.now();
    const recent = this.recent.get(client) ?? [];
    this.recent.set(client, recent);
    while (recent.length && recent[0] <= now - perMs) recent.shift();
    if (recent.length >= requests) return recent[0] + perMs - now;
    recent.push(now);
    return 0;
  }
}
