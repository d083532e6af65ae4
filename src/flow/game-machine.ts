import { assign, setup, type ActorRefFrom } from 'xstate';
import { findLevel, nextLevel, type Catalog } from '../content/catalog.ts';
import { levelMachine, type LevelOutput } from './level-machine.ts';
import { DEFAULT_SPEED } from './run-protocol.ts';

/**
 * The game: the title screen (with the level list), the level list on its own, the field guide, and
 * one level at a time. Opening an unknown level id leaves the player on the title screen with a notice.
 * The playback speed the player picks in a level (SPEED, sent by the level machine) is kept for the
 * levels after it, and `speedChosen` is called with it: it does nothing here; the app provides it
 * to save the speed for the next visit.
 */

export type GameEvent = { type: 'OPEN'; id: string } | { type: 'TITLE' } | { type: 'LEVELS' } | { type: 'GUIDE' } | { type: 'SPEED'; speed: number };

/** The screens that are not a level, where the game may start (a reload of the level list stays there). */
export type PageScreen = 'title' | 'levels' | 'guide';

export interface GameContext {
  catalog: Catalog;
  levelId?: string;
  seed: number;
  speed: number;
  notice?: string;
  startScreen?: PageScreen;
}

export interface GameInput {
  catalog: Catalog;
  levelId?: string;
  /** Where to start when no level is asked for; the title screen by default. */
  screen?: PageScreen;
  seed?: number;
  speed?: number;
}

const unknownLevel = (id: string) => `There is no level called "${id}". Pick one from the list below.`;

export const gameMachine = setup({
  types: { context: {} as GameContext, events: {} as GameEvent, input: {} as GameInput },
  actors: { level: levelMachine },
  actions: {
    speedChosen: (_, _speed: number) => {},
  },
  guards: {
    known: ({ context, event }) => event.type === 'OPEN' && findLevel(context.catalog, event.id) !== undefined,
    requestedKnown: ({ context }) => context.levelId !== undefined && findLevel(context.catalog, context.levelId) !== undefined,
    requestedUnknown: ({ context }) => context.levelId !== undefined,
    startsAt: ({ context }, screen: PageScreen) => context.startScreen === screen,
    hasNext: ({ context }, params: LevelOutput) => nextLevel(context.catalog, params.levelId) !== undefined,
  },
}).createMachine({
  id: 'game',
  context: ({ input }) => ({
    catalog: input.catalog,
    levelId: input.levelId,
    startScreen: input.screen,
    seed: input.seed ?? 1,
    speed: input.speed ?? DEFAULT_SPEED,
  }),
  initial: 'starting',
  on: {
    OPEN: [
      { guard: 'known', target: '.level', reenter: true, actions: assign({ levelId: ({ event }) => event.id, notice: undefined }) },
      { target: '.title', actions: assign({ notice: ({ event }) => unknownLevel(event.id), levelId: undefined }) },
    ],
    TITLE: { target: '.title', actions: assign({ notice: undefined, levelId: undefined }) },
    LEVELS: { target: '.levels', actions: assign({ notice: undefined, levelId: undefined }) },
    GUIDE: { target: '.guide', actions: assign({ notice: undefined, levelId: undefined }) },
    SPEED: { actions: [assign({ speed: ({ event }) => event.speed }), { type: 'speedChosen', params: ({ event }) => event.speed }] },
  },
  states: {
    starting: {
      always: [
        { guard: 'requestedKnown', target: 'level' },
        { guard: 'requestedUnknown', target: 'title', actions: assign({ notice: ({ context }) => unknownLevel(context.levelId!), levelId: undefined }) },
        { guard: { type: 'startsAt', params: 'levels' }, target: 'levels' },
        { guard: { type: 'startsAt', params: 'guide' }, target: 'guide' },
        { target: 'title' },
      ],
    },
    title: {},
    levels: {},
    guide: {},
    level: {
      invoke: {
        id: 'level',
        src: 'level',
        input: ({ context }) => ({ level: findLevel(context.catalog, context.levelId!)!, seed: context.seed, speed: context.speed }),
        onDone: [
          // The finished level machine says which level it was; the one after it opens.
          {
            guard: { type: 'hasNext', params: ({ event }) => event.output },
            target: 'level',
            reenter: true,
            actions: assign({ levelId: ({ context, event }) => nextLevel(context.catalog, event.output.levelId)!.id }),
          },
          { target: 'title', actions: assign({ levelId: undefined }) },
        ],
      },
    },
  },
});

export type GameActor = ActorRefFrom<typeof gameMachine>;
