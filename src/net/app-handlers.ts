import { http } from 'msw';
import { exchange, outcomeOfStatus } from './exchange.ts';
import type { Handler } from './handler.ts';
import { notFound } from './responses.ts';
import { running } from './schedule.ts';
import { SENT_BY, type World } from './world.ts';

/**
 * Your app's routes (./app-routes.ts) served on each client's host. What arrives at a public one was
 * sent by the source server (a webhook delivery); an internal one is called by your own service.
 */
export function appHandlers(world: World): Handler[] {
  return world.clients.map((client) =>
    http.all(`https://${client.host}/*`, ({ request: received }) => {
      // A request from someone other than the source (an attacker) says so for the trace only, not on the wire.
      const sender = received.headers.get(SENT_BY);
      const headers = new Headers(received.headers);
      headers.delete(SENT_BY);
      const request = sender ? new Request(received, { headers }) : received;
      const from = sender && world.level.actors.some((a) => a.id === sender) ? sender : world.source.id;
      const route = world.appRoutes.get(client.host, new URL(request.url).pathname);
      const attempt = Number(request.headers.get('webhook-attempt') ?? '1');
      // Your app answers while it runs (a script runs now and then) and is not in one of the level's outages.
      const up = () => running(world.you, world.clock.now()) && !world.inOutage(world.clock.now());
      const parties = route?.internal
        ? { from, to: client.id, kind: 'request' as const, internal: true, reachable: up }
        : { from, to: client.id, kind: 'webhook' as const, attempt, reachable: () => client.reachable !== false && up() };
      return exchange(world, parties, request, async () => {
        if (!route) return { response: notFound('Nothing listens here.'), outcome: 'refused' };
        const response = await route.handle(request);
        const answer = { response, outcome: outcomeOfStatus(response.status) };
        // The work is done; in one of the level's slow spells its answer leaves only later.
        const delayMs = route.internal ? 0 : world.answerDelay(world.clock.now());
        return delayMs > 0 ? { after: world.clock.sleep(delayMs), answer: () => answer } : answer;
      });
    }),
  );
}
