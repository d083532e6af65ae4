/**
 * What a message costs on the wire: sizes counted from the real Request and Response objects (an
 * HTTP/1.1 rendering of their start line, headers and body) and of WebSocket frames. How long it
 * takes is the path's (./path.ts) and its connection's (./connection.ts).
 */

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

export async function requestBytes(request: Request): Promise<number> {
  const url = new URL(request.url);
  const start = `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`;
  const body = request.body ? (await request.clone().arrayBuffer()).byteLength : 0;
  return textBytes(start) + headerBytes(request.headers) + 2 + body;
}

/** An event stream's body is counted event by event as the server sends it, not here. */
export async function responseBytes(response: Response): Promise<number> {
  const start = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`;
  const streams = response.headers.get('content-type')?.startsWith('text/event-stream');
  const body = response.body && !streams ? (await response.clone().arrayBuffer()).byteLength : 0;
  return textBytes(start) + headerBytes(response.headers) + 2 + body;
}

/** A WebSocket frame: 2 to 14 bytes of header (clients mask theirs) plus the payload. */
export function frameBytes(payload: string, fromClient: boolean): number {
  const length = textBytes(payload);
  const extended = length < 126 ? 0 : length < 65536 ? 2 : 8;
  return 2 + extended + (fromClient ? 4 : 0) + length;
}
