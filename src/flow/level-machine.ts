import { assign, enqueueActions, sendTo, setup, type ActorRefFrom } from 'xstate';
import type { PatternName } from '../content/patterns.ts';
import type { Level } from '../content/schema.ts';
import { defaultParams } from '../content/params.ts';
import type { RunConfig, RunResult } from '../run/session.ts';
import { DEFAULT_SPEED, type ControlEvent, type ReviewEvent, type RunnerEvent } from './run-protocol.ts';
import type { RunView } from './run-view.ts';
import { browserReviewer, browserRunner, prepareInBrowser } from './runner.ts';

/**
 * One level: briefing, choose a pattern (and tune it), run it, debrief; then retry or go on.
 * The run itself is the `runner` actor (./runner.ts); tests swap it with machine.provide(). In the debrief
 * the `reviewer` actor plays the finished run again as the player asks (step, scrub, play).
 * What the two say to each other is in ./run-protocol.ts.
 * When a run finishes the machine calls its `runFinished` action once, with the level and the result:
 * it does nothing here; the app provides it (machine.provide) to save progress and tell the host page.
 * While the player chooses, `prepareRun` is told the run they would start, so that it can be worked
 * out before they press Run. A speed the player picks is kept for the next run, and the game that
 * invoked the machine hears it (SPEED), to keep it for the next level.
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
  | RunnerEvent
  | ReviewEvent;

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

const runConfig = (context: LevelContext): RunConfig => ({ level: context.level, pattern: context.pattern!, params: context.params, seed: context.seed });
/** The run the player would start now, to be worked out ahead (none before a pattern is picked). */
const prepareChoice = { type: 'prepareRun', params: ({ context }: { context: LevelContext }) => (context.pattern ? runConfig(context) : undefined) } as const;

export const levelMachine = setup({
  types: {
    context: {} as LevelContext,
    events: {} as LevelEvent,
    input: {} as LevelInput,
    output: {} as LevelOutput,
  },
  actors: { runner: browserRunner, reviewer: browserReviewer },
  actions: {
    runFinished: (_, _finished: RunFinished) => {},
    prepareRun: (_, config: RunConfig | undefined) => config && prepareInBrowser(config),
    toRunner: sendTo('runner', ({ event }) => event),
    keepSpeed: enqueueActions(({ enqueue, event, self }) => {
      if (event.type !== 'SPEED') return;
      enqueue.assign({ speed: event.speed });
      if (self._parent) enqueue.sendTo(self._parent, { type: 'SPEED', speed: event.speed });
    }),
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
    speed: input.speed ?? DEFAULT_SPEED,
    params: {},
    runs: [],
  }),
  initial: 'briefing',
  on: {
    // The speed is kept for the next run at any time; a run in progress also hears it (below).
    SPEED: { actions: 'keepSpeed' },
  },
  states: {
    briefing: {
      on: { CONTINUE: 'choosing' },
    },
    choosing: {
      entry: prepareChoice,
      on: {
        BRIEFING: 'briefing',
        PICK: {
          guard: 'offered',
          actions: [
            assign(({ context, event }) => ({
              pattern: event.pattern,
              params: context.pattern === event.pattern ? context.params : defaultParams(context.level, event.pattern),
              // A guess is about the pattern it was made for: another pattern asks for a new one.
              guess: context.pattern === event.pattern ? context.guess : undefined,
            })),
            prepareChoice,
          ],
        },
        SET_PARAM: { actions: [assign({ params: ({ context, event }) => ({ ...context.params, [event.name]: event.value }) }), prepareChoice] },
        PREDICT: { actions: assign({ guess: ({ event }) => event.value }) },
        RUN: { guard: 'hasPattern', target: 'running' },
      },
    },
    running: {
      entry: assign({ view: undefined, result: undefined, error: undefined, resultGuess: ({ context }) => context.guess }),
      invoke: {
        id: 'runner',
        src: 'runner',
        input: ({ context }) => ({ config: runConfig(context), speed: context.speed }),
      },
      initial: 'playing',
      states: {
        playing: { on: { PAUSE: { target: 'paused', actions: 'toRunner' } } },
        paused: { on: { RESUME: { target: 'playing', actions: 'toRunner' } } },
      },
      on: {
        'RUN.STARTED': { actions: assign({ view: ({ event }) => event.view }) },
        SPEED: { actions: ['keepSpeed', 'toRunner'] },
        // A step either way pauses the run there.
        STEP: { target: '.paused', actions: 'toRunner' },
        STEP_BACK: { target: '.paused', actions: 'toRunner' },
        SEEK: { actions: 'toRunner' },
        SKIP: { actions: 'toRunner' },
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
    // The finished run can be looked at again from its debrief: stepped, scrubbed or played on the same view.
    debrief: {
      invoke: { id: 'runner', src: 'reviewer', input: ({ context }) => ({ view: context.view }) },
      initial: 'still',
      states: {
        still: { on: { RESUME: { target: 'replaying', actions: 'toRunner' } } },
        replaying: { on: { PAUSE: { target: 'still', actions: 'toRunner' }, 'REVIEW.ENDED': 'still' } },
      },
      on: {
        RETRY: 'choosing',
        NEXT: 'done',
        SPEED: { actions: ['keepSpeed', 'toRunner'] },
        STEP: { target: '.still', actions: 'toRunner' },
        STEP_BACK: { target: '.still', actions: 'toRunner' },
        SEEK: { actions: 'toRunner' },
        SKIP: { actions: 'toRunner' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ levelId: context.level.id }),
});

export type LevelActor = ActorRefFrom<typeof levelMachine>;
