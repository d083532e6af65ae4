import { describe, expect, it } from 'vitest';
import type { PacketEvent } from '../../src/sim/trace.ts';
import { bodyFields, bodyInWords, headerMeaning } from '../../src/ui/message-words.ts';
import { level, run } from './helpers.ts';

const packets = async (id: string, pattern: Parameters<typeof run>[1], params: Record<string, number> = {}) =>
  (await run(level(id), pattern, params)).trace.filter((e): e is PacketEvent => e.type === 'packet');
const header = (p: PacketEvent | undefined, name: string) => p?.wire?.headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('every message carries what crossed the wire, for the inspector', () => {
  it('a poll after the first asks If-None-Match with the ETag it was given, and 304 answers it', async () => {
    const all = await packets('wheres-my-package', 'polling', { intervalMs: 600_000 });
    const [first, answer, second, again] = all;
    expect(first.wire?.start).toBe('GET /v1/tracking/PKG-1043 HTTP/1.1');
    expect(header(first, 'if-none-match')).toBeUndefined();
    const etag = header(answer, 'etag');
    expect(etag).toMatch(/^"v\d+"$/);
    expect(JSON.parse(answer.wire!.body!)).toMatchObject({ id: 'PKG-1043' });
    expect(header(second, 'if-none-match')).toBe(etag);
    expect(again.status).toBe(304);
    expect(again.wire?.body).toBeUndefined();
  });

  it('a webhook delivery carries its id, timestamp and signature', async () => {
    const delivery = (await packets('wheres-my-package', 'webhook')).find((p) => p.kind === 'webhook');
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) expect(header(delivery, name), name).toBeTruthy();
    expect(delivery!.wire!.body).toContain('"status"');
  });

  it('a WebSocket opens with Upgrade, is accepted with Sec-WebSocket-Accept, and its frames carry their data', async () => {
    const all = await packets('team-chat', 'websocket');
    expect(
      header(
        all.find((p) => p.kind === 'handshake'),
        'upgrade',
      ),
    ).toBe('websocket');
    expect(
      header(
        all.find((p) => p.status === 101),
        'sec-websocket-accept',
      ),
    ).toBeTruthy();
    const frame = all.find((p) => p.kind === 'frame' && p.label === 'push');
    expect(() => JSON.parse(frame!.wire!.body!)).not.toThrow();
  });

  it('an event stream is answered as text/event-stream, its chunks as data lines', async () => {
    const all = await packets('ai-answer', 'sse');
    expect(all.some((p) => p.kind === 'response' && header(p, 'content-type')?.startsWith('text/event-stream'))).toBe(true);
    // The stream opens with how long to wait before reconnecting, then each event with its id and data.
    const chunks = all.filter((p) => p.kind === 'chunk').map((p) => p.wire?.body ?? '');
    expect(chunks[0]).toMatch(/^retry: \d+\n\n$/);
    expect(chunks.filter((body) => /^id: \d+\ndata: \{/.test(body)).length).toBeGreaterThan(10);
  });

  it('a refused connection carried nothing', async () => {
    const refused = (await packets('team-chat', 'webhook')).find((p) => p.outcome === 'refused');
    expect(refused?.wire).toBeUndefined();
  });
});

describe('what a message carried, in words', () => {
  it('JSON is said as its fields, never as JSON', () => {
    expect(bodyInWords('{"act":3,"basedOn":2}')).toBe("user's act no. 3, made on version 2");
    expect(bodyInWords('{"type":"ping"}')).toMatch(/^heartbeat ping/);
    expect(bodyInWords('{"id":"latest","updatedAt":3723000}')).toBe('about latest, updated at Day 1, 01:02:03');
    expect(bodyInWords('data: {"status":"Out for delivery","events":[{"a":1}]}\n\n')).toBe('status Out for delivery, events 1 item');
    expect(bodyInWords('{"tags":["a","b"],"next":null}')).toBe('tags a / b, next none');
    expect(bodyInWords('pong')).toBe('pong');
    expect(bodyInWords(JSON.stringify({ text: 'x'.repeat(200) }), 40)).toHaveLength(40);
    expect(bodyFields('{"updatedAt":5000,"who":{"name":"Ana"}}')).toEqual([
      ['updated at', 'Day 1, 00:00:05'],
      ['who', '(name Ana)'],
    ]);
  });

  it('the headers that matter are explained, the others are not', () => {
    for (const name of [
      'If-None-Match',
      'etag',
      'Retry-After',
      'upgrade',
      'sec-websocket-accept',
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
      'Last-Event-ID',
    ]) {
      expect(headerMeaning(name, 'x'), name).toBeTruthy();
    }
    expect(headerMeaning('content-type', 'text/event-stream')).toMatch(/stays open/);
    expect(headerMeaning('content-type', 'application/json')).toBeUndefined();
    expect(headerMeaning('host', 'shop.example')).toBeUndefined();
  });
});

describe('an event-stream chunk in words', () => {
  it('reads its data lines and id as the HTML standard does, never showing JSON', () => {
    expect(bodyInWords('id: 3\ndata: {"status":"To","version":3}\n\n')).toBe('event 3: status To, version 3');
    expect(bodyInWords('id: 4\r\ndata:{"status":"move"}\r\n\r\n')).toBe('event 4: status move');
    expect(bodyInWords('data: first\ndata: second\n\n')).toBe('first\nsecond');
    expect(bodyInWords(': heartbeat\n\n')).toMatch(/^a comment line: no event.*heartbeat/);
    expect(bodyInWords('retry: 3000\n\n')).toBe('reconnection time: if the stream breaks, wait 3 s before reconnecting');
  });
});
