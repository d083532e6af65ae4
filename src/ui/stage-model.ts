import { levelText } from '../content/present.ts';
import { clientsOf, type ActorSpec, type Level } from '../content/schema.ts';
import type { ActorIcon } from '../stage/icons.ts';
import type { StageModel, StagePlace } from '../stage/model.ts';

/** The icon that says what an actor is, read from what the level says of it: its kind, name, host, whether it can be reached, when it runs. */
export function iconOf(actor: ActorSpec): ActorIcon {
  const words = `${actor.id} ${actor.host}`.toLowerCase();
  const has = (...parts: string[]) => parts.some((p) => words.includes(p));
  if (actor.kind === 'app') {
    if (actor.runs) return 'script';
    if (actor.reachable === false) return has('phone', 'mobile', 'tablet') ? 'phone' : 'laptop';
    if (has('mail')) return 'mail';
    if (has('shop')) return 'shop';
    if (has('www', 'page')) return 'page';
    return 'server';
  }
  const byWord: Array<[string[], ActorIcon]> = [
    [['carrier', 'parcel', 'shipping'], 'truck'],
    [['payment', 'pay.'], 'card'],
    [['codehost', 'git'], 'code'],
    [['chat'], 'chat'],
    [['rate', 'market', 'quote', 'ticker'], 'chart'],
    [['auction'], 'gavel'],
    [['assistant', 'ai.'], 'spark'],
    [['cms', 'blog'], 'page'],
    [['auth', 'user'], 'person'],
    [['order'], 'box'],
    [['shop'], 'shop'],
    [['mail'], 'mail'],
  ];
  return byWord.find(([parts]) => has(...parts))?.[1] ?? 'server';
}

/** The domain a host belongs to, by its last two labels ("orders.shop.example" is in "shop.example"). */
const domainOf = (host: string) => host.split('.').slice(-2).join('.');

/**
 * The places that are not the public internet: each device nothing can reach (a browser, a phone)
 * and, where your app and a server share a domain, your own network, where a direct call stays.
 */
export function placesOf(level: Level): StagePlace[] {
  const places: StagePlace[] = level.actors.filter((a) => a.reachable === false).map((a) => ({ actors: [a.id], caption: 'no public address' }));
  const byDomain = level.actors.reduce((m, a) => m.set(domainOf(a.host), [...(m.get(domainOf(a.host)) ?? []), a]), new Map<string, ActorSpec[]>());
  for (const [domain, actors] of byDomain) {
    if (actors.length > 1 && actors.some((a) => a.kind === 'app') && actors.some((a) => a.kind === 'server') && actors.every((a) => a.reachable !== false)) {
      places.push({ actors: actors.map((a) => a.id), caption: `your own network (${domain})` });
    }
  }
  return places;
}

/** What the stage draws for a level before and during a run. */
export function stageModel(level: Level, device: { narrow?: boolean; reducedMotion?: boolean } = {}): StageModel {
  const text = levelText(level);
  const clients = clientsOf(level);
  return {
    durationMs: level.world.durationMs,
    // An app that starts without the data knows nothing yet; everyone else starts from the first status.
    actors: level.actors.map((a) => ({
      ...a,
      label: text.actors[a.id] ?? a.id,
      icon: iconOf(a),
      status: a.kind === 'app' && level.world.initialKnown === false ? 'nothing yet' : text.statuses[level.world.statuses[0]],
    })),
    statusCaption: {
      ...Object.fromEntries(clients.map((c) => [c, clients.length > 1 ? 'Sees' : 'Your app knows'])),
      [level.source.actor]: 'Actually',
    },
    places: placesOf(level),
    statusAppends: level.source.stream !== undefined,
    clients: clients.length,
    acts: level.world.actions !== undefined,
    ...device,
  };
}
