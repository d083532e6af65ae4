import { findLevel, type Catalog, type LevelEntry } from '../../content/catalog.ts';
import type { GameActor } from '../../flow/game-machine.ts';
import { eventFor, routeOf, sameScreen } from '../routes.ts';
import { watchHeight } from './auto-height.ts';
import { connectBridge } from './bridge.ts';
import { PROTOCOL_VERSION, type Command, type GameMessage } from './protocol.ts';

export interface HostLink {
  send(message: GameMessage): void;
  stop(): void;
}

/**
 * Link a game in a frame to the page around it: say it is ready, report its height and each screen
 * the learner opens, and carry out the host's commands. Loaded only when the game is in a frame.
 */
export function connectHost(
  game: GameActor,
  root: HTMLElement,
  catalog: Catalog<LevelEntry>,
  parentOrigin: string | undefined,
  win: Window = window,
): HostLink | undefined {
  let lastHeight = 0;
  const command = (c: Command): string | undefined => {
    if (c.type === 'hello') {
      bridge?.send({ type: 'ready', version: PROTOCOL_VERSION });
      if (lastHeight > 0) bridge?.height(lastHeight);
      return undefined;
    }
    if ('level' in c && !findLevel(catalog, c.level)) return `there is no level called "${c.level}"`;
    game.send(eventFor('level' in c ? { screen: 'level', level: c.level } : { screen: c.screen }));
    return undefined;
  };
  const bridge = connectBridge({ win, parentOrigin, command, warn: (m) => console.warn(m) });
  if (!bridge) return undefined;

  let shown = routeOf(game.getSnapshot());
  const screenMessage = (): GameMessage =>
    shown.screen === 'level' ? { type: 'screen', screen: 'level', level: shown.level } : { type: 'screen', screen: shown.screen };
  const subscription = game.subscribe((snapshot) => {
    const route = routeOf(snapshot);
    // A host hears of a new screen, not of each change of the playground's world, nor of that world played on the
    // stage (still the playground to the host: the protocol names levels of the game only).
    const before = JSON.stringify(screenMessage());
    if (sameScreen(route, shown)) return;
    shown = route;
    if (JSON.stringify(screenMessage()) !== before) bridge.send(screenMessage());
  });
  bridge.send({ type: 'ready', version: PROTOCOL_VERSION });
  bridge.send(screenMessage());
  const stopWatching = watchHeight(root, (height) => {
    lastHeight = height;
    bridge.height(height);
  });
  return {
    send: (message) => bridge.send(message),
    stop() {
      stopWatching();
      subscription.unsubscribe();
      bridge.stop();
    },
  };
}
