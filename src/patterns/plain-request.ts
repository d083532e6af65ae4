import type { AppContext, Outgoing, Update } from './app.ts';

/** Plain request: ask once, when the page needs the data, and show the answer. */
export async function plainRequest(url: string): Promise<Update> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Send what the user did as one POST. The answer tells whether the server took it, and what it has now. */
export async function send(url: string, outgoing: Outgoing, headers: Record<string, string> = {}): Promise<Update | undefined> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(outgoing),
  });
  return response.headers.get('content-type')?.includes('json') ? response.json() : undefined;
}

export function startPlainRequest(app: AppContext) {
  let stopped = false;
  const fail = (error: Error) => stopped || app.note(`The request failed: ${error.message}`);
  for (const url of app.endpoints.resources) {
    plainRequest(url).then((update) => stopped || app.show(update), fail);
  }
  app.onAct((outgoing, url) => {
    send(url, outgoing).then((update) => stopped || (update && app.show(update)), fail);
  });
  return { stop: () => void (stopped = true) };
}
