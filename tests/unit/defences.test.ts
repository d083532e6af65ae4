import { describe, expect, it } from 'vitest';
import { defaultParams, resolveParams } from '../../src/content/params.ts';
import { defenceNames, defenceOn, defencesOf, patternNames, patternRegistry } from '../../src/content/pattern-registry.ts';
import { parseLevel } from '../../src/content/schema.ts';
import { en } from '../../src/content/text/en.ts';
import { nodeHost } from '../../src/net/node-host.ts';
import { simulate } from '../../src/run/session.ts';
import type { PacketEvent, TraceEvent } from '../../src/sim/trace.ts';
import { readFileSync } from 'node:fs';
import { level } from './helpers.ts';

const packets = (trace: readonly TraceEvent[]) => trace.filter((e): e is PacketEvent => e.type === 'packet');

describe('defences: options of a pattern that a level may let the player turn on or off', () => {
  it('a defence means the same in every pattern that has it, has its words, and is named unlike any parameter', () => {
    for (const name of defenceNames) expect(en.defences[name].label, name).not.toBe('');
    const params = patternNames.flatMap((p) => Object.keys(patternRegistry[p].params));
    expect(defenceNames.filter((d) => params.includes(d))).toEqual([]);
  });

  it('not offered, a defence is what a careful engineer writes; offered, it starts off and the run says which', () => {
    expect(defenceOn('webhook', {}, 'dedupe')).toBe(true);
    expect(defenceOn('webhook', {}, 'reconcile')).toBe(false);
    const lvl = level('payment-confirmed', { 'patterns.defences': { webhook: ['dedupe', 'verify'] } });
    expect(defaultParams(lvl, 'webhook')).toEqual({ dedupe: 0, verify: 0 });
    expect(defenceOn('webhook', defaultParams(lvl, 'webhook'), 'dedupe')).toBe(false);
    expect(resolveParams(lvl, 'webhook', { dedupe: 1 })).toEqual({ ok: true, params: { dedupe: 1, verify: 0 } });
    expect(resolveParams(lvl, 'webhook', { dedupe: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/on or off/) });
    expect(resolveParams(lvl, 'webhook', { ordered: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/no parameter "ordered".*dedupe, verify/) });
  });

  it('a level file may offer only defences of the pattern, and only of a pattern it offers', () => {
    const raw = JSON.parse(readFileSync('levels/orders-and-payments/payment-confirmed.json', 'utf8')) as { patterns: object };
    const bad = parseLevel({ ...raw, patterns: { ...raw.patterns, defences: { webhook: ['heartbeat'], sse: ['resume'] } } });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.expected}`);
    expect(paths).toContain(`patterns.defences.webhook[0]: a defence of webhook (${defencesOf('webhook').join(', ')})`);
    expect(paths).toContain('patterns.defences.sse: defences of a pattern in patterns.offered');
  });

  it('without its heartbeat, a quiet WebSocket is closed by the idle proxy every minute and a silent path goes unnoticed; with it, one reconnect, counted', async () => {
    const lvl = level('wheres-my-package', {
      'source.offers.websocket': true,
      'network.lossBursts': [{ fromMs: 100_000, toMs: 140_000, loss: 1 }],
      'patterns.offered': ['websocket'],
      'patterns.defences': { websocket: ['heartbeat'] },
    });
    const run = (heartbeat: number) => simulate({ level: lvl, pattern: 'websocket', params: { heartbeat }, seed: 1 }, nodeHost());
    const [off, on] = [await run(0), await run(1)];
    expect(on.caught).toEqual({ heartbeat: 1 });
    expect(off.caught).toEqual({});
    const handshakes = (r: typeof on) => packets(r.trace).filter((p) => p.kind === 'handshake').length;
    expect(handshakes(on)).toBeLessThanOrEqual(3);
    // Two days, a close by the proxy each idle minute.
    expect(handshakes(off)).toBeGreaterThan(2000);
  });

  it('without jitter, pages dropped by one restart each wait the same fixed time; with it, each its own', async () => {
    const chat = level('team-chat', { 'world.restartsAtMs': [30_000], 'patterns.defences': { websocket: ['jitter'] } });
    const waits = async (jitter: number) => {
      const r = await simulate({ level: chat, pattern: 'websocket', params: { jitter }, seed: 1 }, nodeHost());
      const closes = r.trace.filter((e) => e.type === 'mark' && e.kind === 'close' && e.t >= 30_000 && e.t < 31_000);
      return packets(r.trace)
        .filter((p) => p.kind === 'handshake' && p.t >= 30_000)
        .map((p) => p.t - closes.find((c) => c.type === 'mark' && c.actor === p.from)!.t);
    };
    expect(await waits(0)).toEqual([1000, 1000, 1000]);
    expect(new Set(await waits(1)).size).toBe(3);
  });
});
