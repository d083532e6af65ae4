import { http } from 'msw';
import { exchange, outcomeOfStatus } from './exchange.ts';
import type { Handler } from './handler.ts';
import { notFound } from './responses.ts';
import { running } from './schedule.ts';
import type { World } from './world.ts';

/**
 * Your app's endpoints, on each client's host: what the pattern serves (a webhook receiver to the
 * internet, or an internal endpoint your own services call). What arrives at a public one was sent
 * by the source server (a webhook delivery); an internal one is called by your own service.
 */

export interface AppRoute {
  handle(request: Request): Promise<Response>;
  /** Reachable only from your own services (a direct call), not from the internet. */
  internal: boolean;
}

/** The routes your app serves, by host and path. */
export class AppRoutes {
  private readonly routes = new Map<string, AppRoute>();

  has(host: string, path: string): boolean {
    return this.routes.has(`${host}${path}`);
  }

  set(host: string, path: string, route: AppRoute): void {
    this.routes.set(`${host}${path}`, route);
  }

  get(host: string, path: string): AppRoute | undefined {
    return this.routes.get(`${host}${path}`);
  }
}

export function appHandlers(world: World): Handler[] {
  return world.clients.map((client) =>
    http.all(`https://${client.host}/*`, ({ request }) => {
      const route = world.appRoutes.get(client.host, new URL(request.url).pathname);
      const attempt = Number(request.headers.get('webhook-attempt') ?? '1');
      const up = () => running(world.you, world.clock.now());
      const parties = route?.internal
        ? { from: world.source.id, to: client.id, kind: 'request' as const, internal: true, reachable: up }
        : { from: world.source.id, to: client.id, kind: 'webhook' as const, attempt, reachable: () => client.reachable !== false && up() };
      return exchange(world, parties, request, async () => {
        if (!route) return { response: notFound('Nothing listens here.'), outcome: 'refused' };
        const response = await route.handle(request);
        return { response, outcome: outcomeOfStatus(response.status) };
      });
    }),
  );
}
