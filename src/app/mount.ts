import { createActor } from 'xstate';
import { fromPromise } from 'xstate';
import { buildCatalog, type Catalog, type LevelEntry } from '../content/catalog.ts';
import type { Level } from '../content/schema.ts';
import { gameMachine } from '../flow/game-machine.ts';
import { levelMachine, type RunFinished } from '../flow/level-machine.ts';
import { warmUpInBrowser } from '../flow/runner.ts';
import { Shell } from '../ui/shell.ts';
import { followAddress } from './address.ts';
import type { HostLink } from './embed/connect.ts';
import { readParentOrigin, type GameMessage } from './embed/protocol.ts';
import { levelIndex, loadLevel } from './level-catalog.ts';
import { restrictCatalog } from './package-config.ts';
import type { MountOptions } from './params.ts';
import { createPreferences } from './preferences.ts';
import { createProgress } from './progress.ts';
import { browserStore, type KeyValueStore } from './storage.ts';

export type { MountOptions } from './params.ts';

const sources = import.meta.glob('../patterns/*.ts', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/**
 * Start Push or Poll in `element`. The title screen and level list need only this chunk; the stage
 * (Phaser) and the mocked network (MSW) load when a level needs them.
 */
export function mount(
  element: HTMLElement,
  options: MountOptions & { store?: KeyValueStore; files?: Record<string, string>; /** Only these levels (a package's). */ levels?: string[] } = {},
) {
  for (const warning of options.warnings ?? []) console.warn(warning);
  // Files handed in (the tests) are read at once, whole; the game's own come as a list, each level's file when it opens.
  const all: Catalog<LevelEntry> = options.files ? buildCatalog(options.files) : levelIndex;
  const catalog = options.levels ? restrictCatalog(all, options.levels) : all;
  // In a frame, the link to the host page loads at once; what happens before it is there waits for it.
  const framed = window.parent !== window;
  let host: HostLink | undefined;
  const early: GameMessage[] = [];
  const tellHost = (message: GameMessage) => {
    if (host) host.send(message);
    else if (framed) early.push(message);
  };
  const store = options.store ?? browserStore();
  const progress = createProgress(store);
  const preferences = createPreferences(store);
  // Each finished run, once: save the stars and tell an embedding page.
  const runFinished = (_: unknown, { levelId, result }: RunFinished) => {
    const { pattern, verdict } = result;
    progress.record(levelId, pattern, verdict.stars, verdict.passed);
    tellHost({ type: 'run-finished', level: levelId, pattern, stars: verdict.stars, passed: verdict.passed });
  };
  const machine = gameMachine.provide({
    actors: {
      level: levelMachine.provide({ actions: { runFinished } }),
      ...(options.files ? {} : { loadLevel: fromPromise<Level, { catalog: Catalog<LevelEntry>; id: string }>(({ input }) => loadLevel(input.id)) }),
    },
    actions: { speedChosen: (_, speed: number) => preferences.setSpeed(speed) },
  });
  // A speed in the address wins over the one the player picked last time.
  const speed = options.speed ?? preferences.speed();
  const game = createActor(machine, {
    input: { catalog, levelId: options.level, screen: options.screen, world: options.world, playWorld: options.playWorld, seed: options.seed, speed },
  });
  new Shell(element, game, {
    embed: options.embed ?? false,
    embedding: options.embed ? undefined : { address: `${window.location.origin}${window.location.pathname}`, readOrigin: readParentOrigin },
    progress,
    // A level's screen asks for its stage as it opens, while the player reads the briefing: once the
    // stage is there the run engine and the mocked network are fetched too (after it, not beside it: on a
    // slow link they would share its bandwidth), so that Run does not wait for them.
    loadStage: async (parent, model) => {
      const stage = await (await import('../stage/index.ts')).startStage(parent, model);
      warmUpInBrowser();
      return stage;
    },
    // Embedded, the course page chooses the language (lang=): a reload inside its frame would lose the learner's place.
    chooseLanguage: options.embed
      ? undefined
      : (lang) => {
          preferences.setLanguage(lang);
          const url = new URL(window.location.href);
          url.searchParams.set('lang', lang);
          window.location.assign(url);
        },
    loadSource: async (source) => {
      const load = sources[`../patterns/${source}.ts`];
      return load ? load() : '';
    },
  });
  game.start();
  const stopFollowing = followAddress(game);
  let stopped = false;
  if (framed) {
    void import('./embed/connect.ts').then(({ connectHost }) => {
      if (stopped) return;
      host = connectHost(game, element, catalog, options.parentOrigin);
      for (const message of early.splice(0)) host?.send(message);
    });
  }
  return {
    game,
    stop: () => {
      stopped = true;
      host?.stop();
      stopFollowing();
      game.stop();
    },
  };
}
