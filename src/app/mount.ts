import { createActor } from 'xstate';
import { buildCatalog } from '../content/catalog.ts';
import { gameMachine } from '../flow/game-machine.ts';
import { levelMachine, type RunFinished } from '../flow/level-machine.ts';
import { Shell } from '../ui/shell.ts';
import { levelFiles } from './level-files.ts';
import type { MountOptions } from './params.ts';
import { createPreferences } from './preferences.ts';
import { createProgress } from './progress.ts';
import { browserStore, type KeyValueStore } from './storage.ts';

export type { MountOptions } from './params.ts';

const sources = import.meta.glob('../patterns/*.ts', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** Keep ?level= in the address in step with the level on screen, so a reload comes back to it. */
function followInUrl(levelId: string | undefined): void {
  try {
    const url = new URL(window.location.href);
    if ((url.searchParams.get('level') ?? undefined) === levelId) return;
    if (levelId) url.searchParams.set('level', levelId);
    else url.searchParams.delete('level');
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // An opaque or sandboxed document may refuse history changes; the game plays on.
  }
}

/** Tell an embedding page what happened, when there is one. */
function notifyParent(message: Record<string, unknown>): void {
  if (window.parent === window) return;
  window.parent.postMessage({ source: 'push-or-poll', ...message }, '*');
}

/**
 * Start Push or Poll in `element`. The title screen and level list need only this chunk; the stage
 * (Phaser) and the mocked network (MSW) load when a level needs them.
 */
export function mount(element: HTMLElement, options: MountOptions & { store?: KeyValueStore; files?: Record<string, string> } = {}) {
  const catalog = buildCatalog(options.files ?? levelFiles);
  const store = options.store ?? browserStore();
  const progress = createProgress(store);
  const preferences = createPreferences(store);
  // Each finished run, once: save the stars and tell an embedding page.
  const runFinished = (_: unknown, { levelId, result }: RunFinished) => {
    const { pattern, verdict } = result;
    progress.record(levelId, pattern, verdict.stars);
    notifyParent({ type: 'run-finished', level: levelId, pattern, stars: verdict.stars, passed: verdict.passed });
  };
  const machine = gameMachine.provide({
    actors: { level: levelMachine.provide({ actions: { runFinished } }) },
    actions: { speedChosen: (_, speed: number) => preferences.setSpeed(speed) },
  });
  // A speed in the address wins over the one the player picked last time.
  const speed = options.speed ?? preferences.speed();
  const game = createActor(machine, { input: { catalog, levelId: options.level, seed: options.seed, speed } });
  new Shell(element, game, {
    embed: options.embed ?? false,
    progress,
    loadStage: async (parent, model) => (await import('../stage/index.ts')).startStage(parent, model),
    loadSource: async (source) => {
      const load = sources[`../patterns/${source}.ts`];
      return load ? load() : '';
    },
  });
  game.subscribe((snapshot) => followInUrl(snapshot.matches('level') ? snapshot.context.levelId : undefined));
  game.start();
  if (options.embed) notifyParent({ type: 'ready' });
  return { game, stop: () => game.stop() };
}
