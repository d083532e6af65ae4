import { assign, fromPromise, setup, type ActorRefFrom } from 'xstate';
import { findLevel, isWholeLevel, nextLevel, type Catalog, type LevelEntry } from '../content/catalog.ts';
import { say } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import { words } from '../content/text/index.ts';
import { levelMachine, type LevelOutput } from './level-machine.ts';
import { DEFAULT_SPEED } from './run-protocol.ts';

/**
 * The game: the title screen (with the level list), the level list on its own, the field guide, and
 * one level at a time. Opening an unknown level id leaves the player on the title screen with a notice.
 * The playback speed the player picks in a level (SPEED, sent by the level machine) is kept for the
 * levels after it, and `speedChosen` is called with it: it does nothing here; the app provides it
 * to save the speed for the next visit.
 *
 * The catalog may hold only each level's entry (its id, rule and title: what the list needs); a level's
 * whole file is then loaded when it opens (`opening`, with the `loadLevel` actor the app provides). A
 * catalog of whole levels (Node, the tests) opens them at once. A level that fails to load leaves the
 * player on the title screen with a notice saying why.
 */

export type GameEvent =
  | { type: 'OPEN'; id: string }
  | { type: 'TITLE' }
  | { type: 'LEVELS' }
  | { type: 'GUIDE' }
  | { type: 'SPEED'; speed: number }
  /** The playground, with a world (encoded as in the address) or the one it had; `play`: that world played on the stage at once. */
  | { type: 'PLAYGROUND'; world?: string; play?: boolean }
  /** The playground's world changed (the address follows). */
  | { type: 'WORLD'; world: string }
  /** Play the playground's world (the level made of it, and the world encoded) on the stage. */
  | { type: 'PLAY_WORLD'; level: Level; world: string };

/** The screens that are not a level, where the game may start (a reload of the level list stays there). */
export type PageScreen = 'title' | 'levels' | 'guide' | 'playground';

export interface GameContext {
  catalog: Catalog<LevelEntry>;
  levelId?: string;
  /** The level being played, once its file is loaded. */
  opened?: Level;
  seed: number;
  speed: number;
  notice?: string;
  startScreen?: PageScreen;
  /** The playground's world, encoded as in the address (`world=`), once there is one. */
  world?: string;
  /** True while the level played is the playground's world, not one of the catalog. */
  fromWorld?: boolean;
  /** True when the playground is asked to play its world on the stage as soon as it opens (an address with `play=1`). */
  playWorld?: boolean;
}

export interface GameInput {
  catalog: Catalog<LevelEntry>;
  levelId?: string;
  /** Where to start when no level is asked for; the title screen by default. */
  screen?: PageScreen;
  seed?: number;
  speed?: number;
  /** The playground's world from the address. */
  world?: string;
  /** Play that world on the stage as soon as the playground opens. */
  playWorld?: boolean;
}

const unknownLevel = (id: string) => say(words().problems.noSuchLevel, { id });
const unloadable = (id: string, error: unknown) => say(words().problems.unloadable, { id, error: error instanceof Error ? error.message : String(error) });

/** Loads a level's whole file; this default finds it in a catalog of whole levels. The app provides one that fetches it. */
const loadLevel = fromPromise<Level, { catalog: Catalog<LevelEntry>; id: string }>(async ({ input }) => {
  const found = findLevel(input.catalog, input.id);
  if (isWholeLevel(found)) return found;
  throw new Error(words().problems.notLoaded);
});

export const gameMachine = setup({
  types: { context: {} as GameContext, events: {} as GameEvent, input: {} as GameInput, children: {} as { level: 'level'; loadLevel: 'loadLevel' } },
  actors: { level: levelMachine, loadLevel },
  actions: {
    speedChosen: (_, _speed: number) => {},
  },
  guards: {
    known: ({ context, event }) => event.type === 'OPEN' && findLevel(context.catalog, event.id) !== undefined,
    requestedKnown: ({ context }) => context.levelId !== undefined && findLevel(context.catalog, context.levelId) !== undefined,
    requestedUnknown: ({ context }) => context.levelId !== undefined,
    startsAt: ({ context }, screen: PageScreen) => context.startScreen === screen,
    hasNext: ({ context }, params: LevelOutput) => nextLevel(context.catalog, params.levelId) !== undefined,
    whole: ({ context }) => isWholeLevel(findLevel(context.catalog, context.levelId!)),
    fromWorld: ({ context }) => context.fromWorld === true,
  },
}).createMachine({
  id: 'game',
  context: ({ input }) => ({
    catalog: input.catalog,
    levelId: input.levelId,
    startScreen: input.screen,
    world: input.world,
    playWorld: input.playWorld,
    seed: input.seed ?? 1,
    speed: input.speed ?? DEFAULT_SPEED,
  }),
  initial: 'starting',
  on: {
    OPEN: [
      { guard: 'known', target: '.opening', reenter: true, actions: assign({ levelId: ({ event }) => event.id, notice: undefined, fromWorld: false }) },
      { target: '.title', actions: assign({ notice: ({ event }) => unknownLevel(event.id), levelId: undefined }) },
    ],
    TITLE: { target: '.title', actions: assign({ notice: undefined, levelId: undefined }) },
    LEVELS: { target: '.levels', actions: assign({ notice: undefined, levelId: undefined }) },
    GUIDE: { target: '.guide', actions: assign({ notice: undefined, levelId: undefined }) },
    PLAYGROUND: {
      target: '.playground',
      actions: assign({
        notice: undefined,
        levelId: undefined,
        world: ({ context, event }) => event.world ?? context.world,
        playWorld: ({ event }) => event.play === true,
      }),
    },
    PLAY_WORLD: {
      target: '.level',
      reenter: true,
      actions: assign({
        notice: undefined,
        levelId: ({ event }) => event.level.id,
        opened: ({ event }) => event.level,
        world: ({ event }) => event.world,
        fromWorld: true,
        playWorld: false,
      }),
    },
    SPEED: { actions: [assign({ speed: ({ event }) => event.speed }), { type: 'speedChosen', params: ({ event }) => event.speed }] },
  },
  states: {
    starting: {
      always: [
        { guard: 'requestedKnown', target: 'opening' },
        { guard: 'requestedUnknown', target: 'title', actions: assign({ notice: ({ context }) => unknownLevel(context.levelId!), levelId: undefined }) },
        { guard: { type: 'startsAt', params: 'levels' }, target: 'levels' },
        { guard: { type: 'startsAt', params: 'guide' }, target: 'guide' },
        { guard: { type: 'startsAt', params: 'playground' }, target: 'playground' },
        { target: 'title' },
      ],
    },
    title: {},
    levels: {},
    guide: {},
    playground: { on: { WORLD: { actions: assign({ world: ({ event }) => event.world, playWorld: false }) } } },
    opening: {
      always: { guard: 'whole', target: 'level', actions: assign({ opened: ({ context }) => findLevel(context.catalog, context.levelId!) as Level }) },
      invoke: {
        id: 'loadLevel',
        src: 'loadLevel',
        input: ({ context }) => ({ catalog: context.catalog, id: context.levelId! }),
        onDone: { target: 'level', actions: assign({ opened: ({ event }) => event.output }) },
        onError: { target: 'title', actions: assign({ notice: ({ context, event }) => unloadable(context.levelId!, event.error), levelId: undefined }) },
      },
    },
    level: {
      invoke: {
        id: 'level',
        src: 'level',
        input: ({ context }) => ({ level: context.opened!, seed: context.seed, speed: context.speed }),
        onDone: [
          // The finished level machine says which level it was; the one after it opens.
          // The playground's world played as a level goes back to the playground.
          { guard: 'fromWorld', target: 'playground', actions: assign({ levelId: undefined, fromWorld: false }) },
          {
            guard: { type: 'hasNext', params: ({ event }) => event.output },
            target: 'opening',
            actions: assign({ levelId: ({ context, event }) => nextLevel(context.catalog, event.output.levelId)!.id }),
          },
          { target: 'title', actions: assign({ levelId: undefined }) },
        ],
      },
    },
  },
});

export type GameActor = ActorRefFrom<typeof gameMachine>;
