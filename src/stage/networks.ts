import type { StageActor } from './model.ts';

/**
 * Your own network, worked out from the actors' hosts: your app and a server of yours on one domain
 * (orders.shop.example and mailer.shop.example), all of them reachable. Drawn as a place (./places.ts),
 * and given room on a phone's stage (./layout.ts).
 */
type Placed = Pick<StageActor, 'host' | 'kind' | 'reachable' | 'id'>;

/** The domain a host belongs to, by its last two labels ("orders.shop.example" is in "shop.example"). */
const domainOf = (host: string) => host.split('.').slice(-2).join('.');

/** Your own networks, by domain: your app and a server of yours on one domain, all reachable. */
export function ownNetworks(actors: readonly Placed[]): Map<string, Placed[]> {
  const byDomain = actors.reduce((m, a) => m.set(domainOf(a.host), [...(m.get(domainOf(a.host)) ?? []), a]), new Map<string, Placed[]>());
  return new Map(
    [...byDomain].filter(
      ([, inside]) =>
        inside.length > 1 && inside.some((a) => a.kind === 'app') && inside.some((a) => a.kind === 'server') && inside.every((a) => a.reachable !== false),
    ),
  );
}
