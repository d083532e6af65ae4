import { HttpResponse } from 'msw';

/** The error answers the simulated servers give, one shape each. */

export const notFound = (what: string) => HttpResponse.json({ error: 'not_found', message: what }, { status: 404, statusText: 'Not Found' });

export const tooMany = (waitMs: number) =>
  HttpResponse.json(
    { error: 'rate_limited', message: 'Too many requests: slow down.' },
    { status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) } },
  );
