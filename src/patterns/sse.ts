import type { AppContext, Update } from './app.ts';

/**
 * Server-Sent Events: a request whose answer does not end; the server writes each event into it as
 * `data: …` the moment it has one. The page listens to the resource's stream from the start. What
 * the user does goes up as a POST; when the server answers that with a stream of its own (an
 * assistant writing its answer), the page reads it as it comes.
 */
async function readEvents(response: Response, onEvent: (data: string) => void): Promise<void> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of event.split('\n')) if (line.startsWith('data: ')) onEvent(line.slice(6));
    }
  }
}

export function startSse(app: AppContext) {
  const abort = new AbortController();
  const { signal } = abort;
  const show = (update: Update) => signal.aborted || app.show(update);
  const fail = (error: Error) => signal.aborted || app.note(`The stream failed: ${error.message}`);
  const stream = { accept: 'text/event-stream' };
  for (const url of app.endpoints.resources) {
    fetch(url, { headers: stream, signal })
      .then((response) => readEvents(response, (data) => show(JSON.parse(data))))
      .catch(fail);
  }
  app.onAct((outgoing, url) => {
    const headers = { accept: 'text/event-stream, application/json', 'content-type': 'application/json' };
    fetch(url, { method: 'POST', headers, body: JSON.stringify(outgoing), signal })
      .then(async (response) => {
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
          await readEvents(response, (data) => show(JSON.parse(data)));
        } else if (response.headers.get('content-type')?.includes('json')) {
          show(await response.json());
        }
      })
      .catch(fail);
  });
  return { stop: () => abort.abort() };
}
