import type { AppContext } from './app.ts';

/** Plain request: ask once, when the page needs the data, and show the answer. */
export async function plainRequest(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export function startPlainRequest(app: AppContext) {
  let stopped = false;
  plainRequest(app.endpoints.resource).then(
    (update) => stopped || app.show(update as Parameters<AppContext['show']>[0]),
    (error: Error) => stopped || app.note(`The request failed: ${error.message}`),
  );
  return { stop: () => void (stopped = true) };
}
