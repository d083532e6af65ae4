import type { AppContext, Update } from './app.ts';

/**
 * Server-Sent Events: a request whose answer does not end; the server writes each event into it the
 * moment it has one. The page reads the stream with fetch (as AI SDKs do) and parses it the way the
 * HTML standard tells EventSource to: lines end in CRLF, LF or CR; `field: value` with one optional
 * space after the colon; `data:` lines joined by newlines; a blank line ends an event; `id:` is
 * remembered as the last event id; `retry:` sets the wait before reconnecting; a line that starts with
 * a colon is a comment (servers send them as heartbeats) and is skipped.
 * When the stream ends or breaks, the page waits and reconnects, sending `Last-Event-ID`, and the
 * server resumes after that event. What the user does goes up as a POST; when the server answers it
 * with a stream of its own (an assistant writing its answer), the page reads that as it comes and
 * opens no other stream. If that answer's stream breaks, it resumes with a GET of the resource's
 * stream sending the last id it had; a page that does not resume can only ask again, and the answer
 * starts over.
 */

export interface ServerEvent {
  type: string;
  data: string;
  lastEventId: string;
}

/** The event-stream parser of the HTML standard, fed decoded text in pieces of any size. */
export class EventStreamParser {
  lastEventId = '';
  /** The reconnection time the server asked for (ms), once it has. */
  retryMs: number | undefined;
  private pending = '';
  private data = '';
  private type = '';
  private idBuffer = '';
  private started = false;

  constructor(private readonly onEvent: (event: ServerEvent) => void) {}

  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    this.pending += text;
    for (;;) {
      const end = this.pending.search(/[\r\n]/);
      if (end < 0) return;
      // A CR at the very end may be the first half of a CRLF split across two pieces: wait for the next.
      if (this.pending[end] === '\r' && end === this.pending.length - 1) return;
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + (this.pending.startsWith('\r\n', end) ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data += value + '\n';
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.idBuffer = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(): void {
    this.lastEventId = this.idBuffer;
    if (this.data === '') {
      this.type = '';
      return;
    }
    const event = { type: this.type || 'message', data: this.data.slice(0, -1), lastEventId: this.lastEventId };
    this.data = '';
    this.type = '';
    this.onEvent(event);
  }
}

/** Read a stream to its end into `parser`; it rejects if the connection breaks. */
export async function readEvents(response: Response, parser: EventStreamParser): Promise<void> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.push(value);
  }
}

/** Until the server says otherwise, wait this long before reconnecting (ms). */
const DEFAULT_RETRY_MS = 3000;
const MAX_RETRY_MS = 30_000;

export function startSse(app: AppContext) {
  let stopped = false;
  const stops: Array<() => void> = [];
  const show = (event: ServerEvent) => stopped || app.show(JSON.parse(event.data) as Update);
  /** The last event id seen on any stream, so that a resumed stream starts after it. */
  let lastSeen = '';
  const reader = () =>
    new EventStreamParser((event) => {
      if (event.lastEventId !== '' && (lastSeen === '' || Number(event.lastEventId) > Number(lastSeen))) lastSeen = event.lastEventId;
      show(event);
    });
  /** The wait before reconnecting, as the server last asked (`retry:`). */
  let retryMs = DEFAULT_RETRY_MS;

  /** Follow a stream at `url` for as long as the page runs: when it ends or breaks, wait and open it again. */
  const follow = async (url: string) => {
    let failures = 0;
    while (!stopped) {
      const abort = new AbortController();
      stops.push(() => abort.abort());
      const parser = reader();
      let opened = false;
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        // Resuming (a defence a level may let the player leave out): tell the server the last event this page has.
        if (lastSeen && app.defends('resume')) headers['last-event-id'] = lastSeen;
        const response = await fetch(url, { headers, signal: abort.signal });
        if (response.status === 204) return;
        opened = response.ok;
        await readEvents(response, parser);
      } catch (error) {
        if (!stopped && !abort.signal.aborted) app.note(`The event stream broke (${(error as Error).message}); reconnecting`);
      }
      if (stopped) return;
      retryMs = parser.retryMs ?? retryMs;
      failures = opened ? 0 : failures + 1;
      // The server's reconnection time, then, while reconnecting fails, a random wait under a doubling cap.
      await app.clock.sleep(failures === 0 ? retryMs : Math.round(app.random() * Math.min(MAX_RETRY_MS, retryMs * 2 ** failures)));
    }
  };
  // A page that follows a resource opens its stream at once; one that only asks (an assistant's page)
  // reads each answer on the request that asked for it.
  if (!app.streamsAnswers) for (const url of app.endpoints.resources) void follow(url);

  app.onAct((outgoing, url) => {
    const ask = () => {
      const abort = new AbortController();
      stops.push(() => abort.abort());
      const parser = reader();
      const headers = { accept: 'text/event-stream, application/json', 'content-type': 'application/json' };
      fetch(url, { method: 'POST', headers, body: JSON.stringify(outgoing), signal: abort.signal })
        .then(async (response) => {
          if (response.headers.get('content-type')?.startsWith('text/event-stream')) await readEvents(response, parser);
          else if (response.headers.get('content-type')?.includes('json')) show({ type: 'message', data: await response.text(), lastEventId: '' });
        })
        .catch(async (error: Error) => {
          if (stopped || abort.signal.aborted) return;
          retryMs = parser.retryMs ?? retryMs;
          if (app.defends('resume') && app.endpoints.resources.length > 0) {
            // The answer's stream broke: pick it up where it broke, on the resource's stream, from the last event this page has.
            app.note(`The answer's stream broke (${error.message}); resuming after event ${lastSeen || 'none'}`);
            app.caught('resume', `the answer's stream broke after event ${lastSeen || 'none'}: it resumes from there with Last-Event-ID`);
            await app.clock.sleep(retryMs);
            if (!stopped) void follow(app.endpoints.resources[0]);
          } else {
            // Nothing says where it broke: the only way to the whole answer is to ask again, and it starts over.
            app.note(`The answer's stream broke (${error.message}); asking again: the answer starts over`);
            await app.clock.sleep(retryMs);
            if (!stopped) ask();
          }
        });
    };
    ask();
  });
  return {
    stop: () => {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
