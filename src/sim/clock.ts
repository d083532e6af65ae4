/**
 * The one virtual clock. Timers fire in time order (ties in the order they were set), never on
 * their own: the clock only moves when it is told to advance. Between two timers it lets the real
 * event loop settle, so that the promise chains a timer started (a fetch through the mocked network,
 * a WebSocket event) reach their next virtual wait before time moves on.
 *
 * It implements XState's `Clock` interface, so machines' delays run on virtual time too.
 */

export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
}

/** One hop through the real event loop; every pending microtask runs before it resolves. */
export type Yielder = () => Promise<void>;

export const macrotaskYield: Yielder = (() => {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return () => new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const queue: Array<() => void> = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

export class VirtualClock {
  private timers: Timer[] = [];
  private seq = 0;
  private nextId = 1;
  private current = 0;
  /** Counts every change the clock sees; settling waits until it stops moving. */
  private activity = 0;
  private advancing = false;
  /** Real asynchronous work under way that will set a timer or change something when it ends. */
  private held = 0;

  constructor(private readonly yieldToLoop: Yielder = macrotaskYield) {}

  now(): number {
    return this.current;
  }

  /**
   * Mark real asynchronous work (a body being read, a request on its way to its handler) that the
   * clock must wait for before it moves. Call the returned function when the work is done. Never
   * hold across a virtual wait: the clock would wait for itself.
   */
  hold(): () => void {
    this.held++;
    this.activity++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      this.activity++;
    };
  }

  /**
   * Work that was held now waits on virtual time (a request reached its handler): stop holding
   * until the returned function is called (its answer heads back to the sender).
   */
  park(): () => void {
    if (this.held === 0) return () => {};
    this.held--;
    this.activity++;
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      this.held++;
      this.activity++;
    };
  }

  /** Run `work` while holding the clock. */
  async holding<T>(work: () => Promise<T>): Promise<T> {
    const release = this.hold();
    try {
      return await work();
    } finally {
      release();
    }
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): TimerId {
    const delay = Number.isFinite(timeout) && timeout > 0 ? timeout : 0;
    const timer: Timer = { id: this.nextId++, at: this.current + delay, seq: this.seq++, fn };
    // Keep the queue sorted by (at, seq): binary search for the insertion point.
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.timers[mid];
      if (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    this.activity++;
    return timer.id;
  }

  clearTimeout(id: TimerId | undefined): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) {
      this.timers.splice(i, 1);
      this.activity++;
    }
  }

  /** A promise that resolves when virtual time has moved `ms` further. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => this.setTimeout(() => resolve(), ms));
  }

  /** When the next timer is due, or undefined when none is set. */
  nextAt(): number | undefined {
    return this.timers[0]?.at;
  }

  /**
   * Let real asynchronous work finish: wait until nothing is held and nothing new has happened for
   * two hops of the event loop in a row. Work held for more than 5 s of real time is given up on.
   */
  async settle(): Promise<void> {
    let quietHops = 0;
    let seen = this.activity;
    const started = Date.now();
    for (let hops = 0; quietHops < 2; hops++) {
      await this.yieldToLoop();
      if (this.activity === seen && this.held === 0) quietHops++;
      else {
        quietHops = 0;
        seen = this.activity;
      }
      if (hops > 200 && this.held === 0) break;
      if (hops % 64 === 63 && Date.now() - started > 5000) break;
    }
  }

  /**
   * Fire every timer due at or before `target`, in order, then set the time to `target`.
   * `stopWhen` is asked after each timer; when it answers true the clock stops there.
   * Returns true when it was stopped early.
   */
  async advanceTo(target: number, stopWhen?: () => boolean): Promise<boolean> {
    if (this.advancing) throw new Error('VirtualClock.advanceTo called while already advancing');
    this.advancing = true;
    try {
      await this.settle();
      for (;;) {
        const next = this.timers[0];
        if (!next || next.at > target) break;
        this.timers.shift();
        this.current = Math.max(this.current, next.at);
        this.activity++;
        next.fn();
        await this.settle();
        if (stopWhen?.()) return true;
      }
      this.current = Math.max(this.current, target);
      return false;
    } finally {
      this.advancing = false;
    }
  }

  /** Drop every timer (the run is over). */
  clear(): void {
    this.timers = [];
    this.activity++;
  }
}
