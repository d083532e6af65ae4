import { assign, sendTo, setup, type ActorRefFrom } from 'xstate';
import type { PatternName } from '../content/patterns.ts';
import type { Level } from '../content/schema.ts';
import { defaultParams } from '../content/params.ts';
import type { RunResult } from '../run/session.ts';
import type { ControlEvent, RunnerEvent } from './run-protocol.ts';
import type { RunView } from './run-view.ts';
import { browserRunner } from './runner.ts';

/**
 * One level: briefing, choose a pattern (and tune it), run it, debrief; then retry or go on.
 * The run itself is the `runner` actor (./runner.ts); tests swap it with machine.provide().
 * What the two say to each other is in ./run-protocol.ts.
 * When a run finishes the machine calls its `runFinished` action once, with the level and the result:
 * it does nothing here; the app provides it (machine.provide) to save progress and tell the host page.
 */

export type LevelEvent =
  | { type: 'CONTINUE' }
  | { type: 'BRIEFING' }
  | { type: 'PICK'; pattern: PatternName }
  | { type: 'SET_PARAM'; name: string; value: number }
  | { type: 'PREDICT'; value: number | undefined }
  | { type: 'RUN' }
  | { type: 'STOP' }
  | { type: 'RETRY' }
  | { type: 'NEXT' }
  | ControlEvent
  | RunnerEvent;

export interface LevelContext {
  level: Level;
  seed: number;
  speed: number;
  pattern?: PatternName;
  params: Record<string, number>;
  /** The player's guess of the level's predicted measurement, if asked and given. */
  guess?: number;
  /** The guess as it stood when the shown result's run began. */
  resultGuess?: number;
  view?: RunView;
  result?: RunResult;
  /** Every finished run of this level in this visit, newest last. */
  runs: RunResult[];
  error?: string;
}

export interface LevelInput {
  level: Level;
  seed?: number;
  speed?: number;
}

/** When the player asks for the next level: the level they leave; the game opens the one after it. */
export interface LevelOutput {
  levelId: string;
}

/** What the `runFinished` action is given, once per finished run. */
export interface RunFinished {
  levelId: string;
  result: RunResult;
}

export const levelMachine = setup({
  types: {
    context: {} as LevelContext,
    events: {} as LevelEvent,
    input: {} as LevelInput,
    output: {} as LevelOutput,
  },
  actors: { runner: browserRunner },
  actions: {
    runFinished: (_, _finished: RunFinished) => {},
  },
  guards: {
    hasPattern: ({ context }) => context.pattern !== undefined,
    offered: ({ context, event }) => event.type === 'PICK' && context.level.patterns.offered.includes(event.pattern),
  },
}).createMachine({
  id: 'level',
  context: ({ input }) => ({
    level: input.level,
    seed: input.seed ?? 1,
    speed: input.speed ?? 0.25,
    params: {},
    runs: [],
  }),
  initial: 'briefing',
  on: {
    // The speed is kept for the next run at any time; a run in progress also hears it (below).
    SPEED: { actions: assign({ speed: ({ event }) => event.speed }) },
  },
  states: {
    briefing: {
      on: { CONTINUE: 'choosing' },
    },
    choosing: {
      on: {
        BRIEFING: 'briefing',
        PICK: {
          guard: 'offered',
          actions: assign(({ context, event }) => ({
            pattern: event.pattern,
            params: context.pattern === event.pattern ? context.params : defaultParams(context.level, event.pattern),
          })),
        },
        SET_PARAM: { actions: assign({ params: ({ context, event }) => ({ ...context.params, [event.name]: event.value }) }) },
        PREDICT: { actions: assign({ guess: ({ event }) => event.value }) },
        RUN: { guard: 'hasPattern', target: 'running' },
      },
    },
    running: {
      entry: assign({ view: undefined, result: undefined, error: undefined, resultGuess: ({ context }) => context.guess }),
      invoke: {
        id: 'runner',
        src: 'runner',
        input: ({ context }) => ({
          config: { level: context.level, pattern: context.pattern!, params: context.params, seed: context.seed },
          speed: context.speed,
        }),
      },
      initial: 'playing',
      states: {
        playing: { on: { PAUSE: { target: 'paused', actions: sendTo('runner', ({ event }) => event) } } },
        paused: {
          on: {
            RESUME: { target: 'playing', actions: sendTo('runner', ({ event }) => event) },
            STEP: { actions: sendTo('runner', ({ event }) => event) },
          },
        },
      },
      on: {
        'RUN.STARTED': { actions: assign({ view: ({ event }) => event.view }) },
        SPEED: { actions: [assign({ speed: ({ event }) => event.speed }), sendTo('runner', ({ event }) => event)] },
        SKIP: { actions: sendTo('runner', ({ event }) => event) },
        STOP: 'choosing',
        'RUN.FINISHED': {
          target: 'debrief',
          actions: [
            assign({ result: ({ event }) => event.result, runs: ({ context, event }) => [...context.runs, event.result] }),
            { type: 'runFinished', params: ({ context, event }) => ({ levelId: context.level.id, result: event.result }) },
          ],
        },
        'RUN.FAILED': { target: 'choosing', actions: assign({ error: ({ event }) => event.message }) },
      },
    },
    debrief: {
      on: { RETRY: 'choosing', NEXT: 'done' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ levelId: context.level.id }),
});

export type LevelActor = ActorRefFrom<typeof levelMachine>;
