/**
 * What a message costs on the wire: sizes counted from the real Request and Response objects (an
 * HTTP/1.1 rendering of their start line, headers and body) and of WebSocket frames. How long it
 * takes is the path's (./path.ts) and its connection's (./connection.ts).
 */
import type { WireMessage } from '../sim/trace.ts';

const encoder = new TextEncoder();

export function textBytes(text: string): number {
  return encoder.encode(text).length;
}

function headerBytes(headers: Headers): number {
  let n = 0;
  headers.forEach((value, name) => {
    n += textBytes(`${name}: ${value}\r\n`);
  });
  return n;
}

const headerList = (headers: Headers): Array<[string, string]> => [...headers.entries()];

/** A request's size on the wire and what it carried (its body read from a clone). */
export async function requestOnWire(request: Request): Promise<{ size: number; wire: WireMessage }> {
  const url = new URL(request.url);
  const start = `${request.method} ${url.pathname}${url.search} HTTP/1.1`;
  const body = request.body ? await request.clone().text() : undefined;
  const size = textBytes(`${start}\r\nhost: ${url.host}\r\n`) + headerBytes(request.headers) + 2 + (body === undefined ? 0 : textBytes(body));
  return { size, wire: { start, headers: [['host', url.host], ...headerList(request.headers)], body } };
}

/** The reason phrases of the statuses the game's servers answer with. */
const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An answer's reason phrase: its own, or the standard one for its status when it was made without one. */
export const reasonPhrase = (response: Response): string => response.statusText || reasons[response.status] || '';

/** An answer's size and what it carried. An event stream's body is counted event by event as the server sends it, not here. */
export async function responseOnWire(response: Response): Promise<{ size: number; wire: WireMessage }> {
  const start = `HTTP/1.1 ${response.status} ${reasonPhrase(response)}`;
  const streams = response.headers.get('content-type')?.startsWith('text/event-stream');
  const body = response.body && !streams ? await response.clone().text() : undefined;
  const size = textBytes(`${start}\r\n`) + headerBytes(response.headers) + 2 + (body === undefined ? 0 : textBytes(body));
  return { size, wire: { start, headers: headerList(response.headers), body } };
}

/** A message written out as HTTP/1.1 text (a WebSocket handshake): its start line, headers and body. */
export function wireOfText(text: string): WireMessage {
  const [head, ...rest] = text.split('\r\n\r\n');
  const [start, ...lines] = head.split('\r\n');
  const headers = lines.map((line): [string, string] => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]);
  const body = rest.join('\r\n\r\n');
  return { start, headers, body: body || undefined };
}

/** A WebSocket frame: 2 to 14 bytes of header (clients mask theirs) plus the payload. */
export function frameBytes(payload: string, fromClient: boolean): number {
  const length = textBytes(payload);
  const extended = length < 126 ? 0 : length < 65536 ? 2 : 8;
  return 2 + extended + (fromClient ? 4 : 0) + length;
}
