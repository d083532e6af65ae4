import type { AppContext, Update } from './app.ts';

/**
 * Server-Sent Events: one HTTP request whose answer does not end; the server writes each event into
 * it as `data: …` the moment it has one. Where your app asks something (a question to an
 * assistant), the answer streams back on that request; otherwise it listens to the resource.
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
  const headers = { accept: 'text/event-stream' };
  const show = (data: string) => abort.signal.aborted || app.show(JSON.parse(data) as Update);
  const fail = (error: Error) => abort.signal.aborted || app.note(`The stream failed: ${error.message}`);
  if (app.endpoints.submit) {
    app.onAct((outgoing, url) => {
      const body = JSON.stringify(outgoing);
      const request = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: abort.signal };
      fetch(url, request).then((response) => readEvents(response, show)).catch(fail);
    });
  } else {
    for (const url of app.endpoints.resources) {
      fetch(url, { headers, signal: abort.signal }).then((response) => readEvents(response, show)).catch(fail);
    }
  }
  return { stop: () => abort.abort() };
}
