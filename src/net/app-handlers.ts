import { http } from 'msw';
import { exchange, outcomeOfStatus } from './exchange.ts';
import type { Handler } from './handler.ts';
import { notFound } from './responses.ts';
import { running } from './schedule.ts';
import type { World } from './world.ts';

/**
 * Your app's routes (./app-routes.ts) served on each client's host. What arrives at a public one was
 * sent by the source server (a webhook delivery); an internal one is called by your own service.
 */
export function appHandlers(world: World): Handler[] {
  return world.clients.map((client) =>
    http.all(`https://${client.host}/*`, ({ request }) => {
      const route = world.appRoutes.get(client.host, new URL(request.url).pathname);
      const attempt = Number(request.headers.get('webhook-attempt') ?? '1');
      // Your app answers while it runs (a script runs now and then) and is not in one of the level's outages.
      const up = () => running(world.you, world.clock.now()) && !world.inOutage(world.clock.now());
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
