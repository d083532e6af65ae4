import type { AppContext, Update } from './app.ts';

/** Plain request: ask once, when the page needs the data, and show the answer. */
export async function plainRequest(url: string): Promise<Update> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export function startPlainRequest(app: AppContext) {
  let stopped = false;
  for (const url of app.endpoints.resources) {
    plainRequest(url).then(
      (update) => stopped || app.show(update),
      (error: Error) => stopped || app.note(`The request failed: ${error.message}`),
    );
  }
  return { stop: () => void (stopped = true) };
}
