import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/content/schema.ts';
import { findMoments } from '../../src/flow/moments.ts';
import type { Pacing } from '../../src/flow/pacing.ts';
import type { RunView } from '../../src/flow/run-view.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { Announcer, COUNT_EVERY_MS, GAP_MS, SETTLE_MS, tally } from '../../src/ui/announcer.ts';

/**
 * What a screen reader hears of a run (src/ui/announcer.ts): a summary at a readable pace, never one
 * announcement per message; a step, paused, said once it settles; and the stage's text equivalent.
 */

// A busy run: a poll every second (request and answer), a change at 10 s that the app learns at 11 s.
const events: TraceEvent[] = [];
for (let s = 0; s < 60; s++) {
  events.push({
    type: 'packet',
    seq: 0,
    kind: 'request',
    t: s * 1000,
    arriveAt: s * 1000 + 100,
    from: 'app',
    to: 'api',
    label: 'GET /x',
    size: 200,
    outcome: 'ok',
  });
  events.push({
    type: 'packet',
    seq: 0,
    kind: 'response',
    t: s * 1000 + 100,
    arriveAt: s * 1000 + 200,
    from: 'api',
    to: 'app',
    label: '304',
    size: 100,
    outcome: 'unchanged',
  });
  if (s === 10) events.push({ type: 'mark', seq: 0, kind: 'world', t: 10_050, actor: 'api', label: 'shipped', eventId: 1 });
  if (s === 11) events.push({ type: 'mark', seq: 0, kind: 'known', t: 11_200, actor: 'app', label: 'shipped', eventId: 1 });
}
events.forEach((e, i) => (e.seq = i));

function harness() {
  let now = 0;
  let real = 0;
  const said: string[] = [];
  const described: string[] = [];
  const moments = findMoments(events, 60_000).map((m) => ({ ...m, at: m.t }));
  const shownAt = (t: number) => events.filter((e) => e.t <= t).length;
  const view = {
    level: {} as Level,
    endMs: 60_000,
    events,
    pacing: { moments } as unknown as Pacing,
    now: () => now,
    position: () => now,
    shown: () => shownAt(now),
    skipping: () => false,
    finished: () => now >= 60_000,
  } satisfies RunView;
  const announcer = new Announcer({
    view,
    clients: 1,
    title: 'A parcel',
    actors: 'Shop and Carrier',
    name: (id) => ({ app: 'Shop', api: 'Carrier' })[id] ?? id,
    line: (i) => `line ${i}`,
    say: (text) => said.push(text),
    describe: (text) => described.push(text),
    clock: () => real,
  });
  /** Play from the playhead to virtual `to`, one frame (16 ms of real time) per `per` ms of virtual time. */
  const play = (to: number, per = 16, paused = false) => {
    while (now < to) {
      now = Math.min(to, now + per);
      real += 16;
      announcer.tick(paused);
    }
  };
  const wait = (ms: number, paused: boolean) => {
    for (let t = 0; t < ms; t += 16) {
      real += 16;
      announcer.tick(paused);
    }
  };
  const seek = (t: number) => (now = t);
  return { said, described, play, wait, seek };
}

describe('the announcer', () => {
  it('says the decisive moments and a count every few seconds, never one line per message', () => {
    const h = harness();
    // 60 s of run, 120 messages, played in 15 s of real time.
    h.play(60_000, 64);
    expect(h.said.length).toBeGreaterThan(1);
    expect(h.said.length).toBeLessThanOrEqual(Math.ceil(15_000 / GAP_MS));
    expect(h.said.some((s) => s.includes('Changed at Carrier: shipped'))).toBe(true);
    expect(h.said.some((s) => s.includes('Shop now knows: shipped'))).toBe(true);
    expect(h.said.some((s) => /\d+ messages on the wire so far, 1 of 1 changes learned/.test(s))).toBe(true);
  });

  it('keeps its pace when the run plays fast: the moments passed together are said together', () => {
    const h = harness();
    h.play(60_000, 4000); // 15 frames for the whole run
    h.wait(GAP_MS, false);
    expect(h.said).toHaveLength(1);
    expect(h.said[0]).toMatch(/Changed at Carrier: shipped\. Shop now knows: shipped\.$/);
  });

  it('counts again only after COUNT_EVERY_MS without a moment', () => {
    const h = harness();
    h.play(5_000, 16); // 5 s of real time, no moment yet
    expect(h.said).toHaveLength(0);
    h.play(COUNT_EVERY_MS + 100, 16);
    expect(h.said).toHaveLength(1);
    expect(h.said[0]).toMatch(/: 1[23] messages on the wire so far\.$/);
    h.play(9_900, 16); // still before the change at 10 s, and less than COUNT_EVERY_MS after the count
    expect(h.said).toHaveLength(1);
  });

  it('paused, says the line at the playhead once a step or seek settles, not while it moves', () => {
    const h = harness();
    h.play(2000, 16, true);
    h.wait(SETTLE_MS + 50, true);
    const before = h.said.length;
    h.seek(10_060);
    h.wait(SETTLE_MS / 2, true);
    expect(h.said.length).toBe(before);
    h.wait(SETTLE_MS, true);
    expect(h.said.at(-1)).toMatch(/line \d+\. Changed at Carrier: shipped/);
  });

  it('describes the stage at rest, then as the run stands, with the last moment', () => {
    const h = harness();
    expect(h.described[0]).toBe('The network of A parcel: Shop and Carrier. No run yet.');
    h.play(12_000, 64);
    expect(h.described.at(-1)).toMatch(
      /The network of A parcel: Shop and Carrier\. At .*: \d+ messages sent, [01] on the wire now; 1 of 1 changes learned\. Last: Shop now knows: shipped\./,
    );
  });

  it('counts the messages, those on their way, and the changes every client learned', () => {
    expect(tally(events, 3, 1050, 1)).toEqual({ messages: 3, inFlight: 1, changes: 0, known: 0 });
    const all = tally(events, events.length, 60_000, 1);
    expect(all).toMatchObject({ messages: 120, changes: 1, known: 1 });
    expect(tally(events, events.length, 60_000, 2).known).toBe(0);
  });
});
