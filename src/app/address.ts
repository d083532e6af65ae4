import type { GameActor } from '../flow/game-machine.ts';
import { asRoute, eventFor, routeFromSearch, routeOf, sameRoute, sameScreen, searchFor, type Route } from './routes.ts';

const STATE_KEY = 'pushOrPoll';

/**
 * Keep the address in step with the screen: each new screen is a history entry, so the browser's
 * Back and Forward move between the game's screens and a reload comes back to the same one.
 * A document that refuses to change its address (some sandboxes) still gets history entries
 * without one; one that refuses history altogether plays on without it.
 */
export function followAddress(game: GameActor, win: Window = window): () => void {
  let shown = routeOf(game.getSnapshot());

  const write = (how: 'push' | 'replace', route: Route) => {
    const state = { [STATE_KEY]: route };
    const change = how === 'push' ? win.history.pushState.bind(win.history) : win.history.replaceState.bind(win.history);
    try {
      const url = new URL(win.location.href);
      url.search = searchFor(route, url.search);
      change(state, '', url);
    } catch {
      try {
        change(state, '');
      } catch {
        // No history here: the game plays on, Back leaves it.
      }
    }
  };

  write('replace', shown);
  let popping = false;
  const subscription = game.subscribe((snapshot) => {
    if (popping) return;
    const route = routeOf(snapshot);
    if (sameRoute(route, shown)) return;
    // A new world in the playground changes the address, not the history: Back leaves the playground.
    const how = sameScreen(route, shown) ? 'replace' : 'push';
    shown = route;
    write(how, route);
  });

  const onPopState = (event: PopStateEvent) => {
    const state = event.state as Record<string, unknown> | null;
    const route = asRoute(state?.[STATE_KEY]) ?? routeFromSearch(win.location.search);
    shown = route;
    popping = true;
    try {
      if (!sameRoute(route, routeOf(game.getSnapshot()))) game.send(eventFor(route));
    } finally {
      popping = false;
    }
    // A level that no longer exists lands on the title screen: this entry's address says so.
    const landed = routeOf(game.getSnapshot());
    if (!sameRoute(landed, route)) {
      shown = landed;
      write('replace', landed);
    }
  };
  win.addEventListener('popstate', onPopState);
  return () => {
    subscription.unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
