import { formatClock, formatDuration } from '../sim/format.ts';
import { say } from '../content/present.ts';
import { words } from '../content/text/index.ts';
import { traceWords } from '../content/trace-words.ts';

/**
 * What a message carried, said in words: a JSON body as "status In transit, version 3", an event
 * stream's `data:` line as its data, and what the headers that matter are for. The log and the
 * message inspector use it; neither shows raw JSON.
 */

const MAX = 90;

/** The game's own fields, said as what they mean; any other key is split into words ("updatedAt" → "updated at"). */
const knownKeys = (): Record<string, string> => words().ui.fieldNames;

const keyWords = (key: string) =>
  knownKeys()[key] ??
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/** A field's value in words: a moment (`updatedAt`, ms of the run's clock) as a clock time. */
const fieldValue = (key: string, value: unknown, depth: number) =>
  key === 'updatedAt' && typeof value === 'number' ? formatClock(value) : valueWords(value, depth);

/** A heartbeat of the page's own ({"type":"ping"}), or its answer, said as one. */
const heartbeatWords = (): Record<string, string> => words().ui.heartbeats;

function valueWords(value: unknown, depth: number): string {
  if (value === null || value === undefined) return words().ui.none;
  // A status is on the wire in the level's English (a run is worked out in English): said in the player's language.
  if (typeof value === 'string') return value ? traceWords(value) : words().ui.empty;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => valueWords(v, depth)).join(' / ') || words().ui.none;
    return say(words().ui.items[value.length === 1 ? 0 : 1], { count: value.length });
  }
  return depth > 0 ? `(${fieldsInWords(value as Record<string, unknown>, depth - 1)})` : '…';
}

function fieldsInWords(object: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === 'type' && typeof object.type === 'string' && heartbeatWords()[object.type]) return heartbeatWords()[object.type]!;
  return Object.entries(object)
    .map(([key, value]) => `${keyWords(key)} ${fieldValue(key, value, depth)}`)
    .join(', ');
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * An event stream's chunk read as the HTML standard reads one: its `data:` lines joined by line breaks (one
 * space after the colon dropped), and its `id:`. A comment line (`: heartbeat`) or `retry:` alone carries
 * no data and is given as it is written. Anything that is not such a chunk is its own data.
 */
function streamData(body: string): { data: string; id?: string } {
  const lines = body.split(/\r\n|\r|\n/).filter((line) => line !== '');
  if (!lines.length || !lines.every((line) => /^(data|id|event|retry)(:|$)|^:/.test(line))) return { data: body.trim() };
  const data: string[] = [];
  let id: string | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return data.length ? { data: data.join('\n'), id } : { data: body.trim(), id };
}

/** What an event stream's lines without data are for: the reconnection time, a comment kept as a heartbeat. */
function streamControl(body: string): string | undefined {
  const retry = /^retry: ?(\d+)\s*$/.exec(body.trim());
  if (retry) return say(words().ui.streamRetry, { wait: formatDuration(Number(retry[1])) });
  if (/^:/.test(body.trim())) return words().ui.streamComment;
  return undefined;
}

/** A body in words: JSON as its fields, an event stream's chunk as its data (and id), anything else as it is. */
export function bodyInWords(body: string | undefined, max = MAX): string {
  if (body === undefined || body.trim() === '') return '';
  const control = streamControl(body);
  if (control) return cut(control, max);
  const { data, id } = streamData(body);
  const prefix = id !== undefined && data !== body.trim() ? say(words().ui.eventId, { id }) : '';
  return prefix + dataInWords(data, max - prefix.length);
}

function dataInWords(data: string, max: number): string {
  try {
    const parsed: unknown = JSON.parse(data);
    return cut(
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? fieldsInWords(parsed as Record<string, unknown>, 1) : valueWords(parsed, 1),
      max,
    );
  } catch {
    return cut(data, max);
  }
}

/** A body's top-level fields, each in words, for the inspector; none when it is not a JSON object. */
export function bodyFields(body: string | undefined): Array<[string, string]> | undefined {
  if (body === undefined) return undefined;
  const { data } = streamData(body);
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [keyWords(key), fieldValue(key, value, 2)]);
  } catch {
    return undefined;
  }
}

/** Header names as they are usually written. */
const names: Record<string, string> = {
  etag: 'ETag',
  'if-none-match': 'If-None-Match',
  'retry-after': 'Retry-After',
  upgrade: 'Upgrade',
  connection: 'Connection',
  'sec-websocket-key': 'Sec-WebSocket-Key',
  'sec-websocket-accept': 'Sec-WebSocket-Accept',
  'sec-websocket-version': 'Sec-WebSocket-Version',
  'last-event-id': 'Last-Event-ID',
  'content-type': 'Content-Type',
  'content-length': 'Content-Length',
  host: 'Host',
};

export const headerName = (name: string) => names[name.toLowerCase()] ?? name;

/** The headers that matter, by lower-case name, with the key of what they are for in the game text. */
const headerWords = {
  'if-none-match': 'ifNoneMatch',
  etag: 'etag',
  'retry-after': 'retryAfter',
  upgrade: 'upgrade',
  'sec-websocket-key': 'secWebSocketKey',
  'sec-websocket-accept': 'secWebSocketAccept',
  'webhook-id': 'webhookId',
  'webhook-timestamp': 'webhookTimestamp',
  'webhook-signature': 'webhookSignature',
  'webhook-attempt': 'webhookAttempt',
  'last-event-id': 'lastEventId',
} as const;

/** What a header that matters is for; undefined for the others (Content-Type matters only for an event stream). */
export function headerMeaning(name: string, value: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'content-type') return value.startsWith('text/event-stream') ? words().ui.headers.eventStream : undefined;
  return Object.hasOwn(headerWords, lower) ? words().ui.headers[headerWords[lower as keyof typeof headerWords]] : undefined;
}
