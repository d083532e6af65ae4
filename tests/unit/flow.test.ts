import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, setup, type SnapshotFrom } from 'xstate';
import { gameMachine } from '../../src/flow/game-machine.ts';
import { defaultParams } from '../../src/content/params.ts';
import { levelMachine, type LevelEvent, type LevelInput, type LevelOutput, type RunFinished } from '../../src/flow/level-machine.ts';
import { DEFAULT_SPEED, type ControlEvent, type ReviewInput, type RunnerInput } from '../../src/flow/run-protocol.ts';
import type { RunConfig } from '../../src/run/session.ts';
import { catalog, level, run } from './helpers.ts';

const lvl = level('wheres-my-package');
const result = await run(lvl, 'webhook');

// The run itself is driven by the traversal's RUN.* events; the stand-in runner records what reaches
// it: the input it starts with, every control forwarded to it, and its stop.
type Reached =
  { type: 'STARTED'; input: RunnerInput } | ControlEvent | { type: 'STOPPED' } | { type: 'REVIEWING'; input: ReviewInput } | { type: 'REVIEW_STOPPED' };
const reached: Reached[] = [];
const recordingRunner = fromCallback<ControlEvent, RunnerInput>(({ input, receive }) => {
  reached.push({ type: 'STARTED', input });
  receive((e) => void reached.push(e));
  return () => void reached.push({ type: 'STOPPED' });
});
// In the debrief the stand-in reviewer records the same: what it starts with, the controls, its stop.
const recordingReviewer = fromCallback<ControlEvent, ReviewInput>(({ input, receive }) => {
  reached.push({ type: 'REVIEWING', input });
  receive((e) => void reached.push(e));
  return () => void reached.push({ type: 'REVIEW_STOPPED' });
});
// The run the machine asks to be worked out ahead, while the player chooses.
const prepared: RunConfig[] = [];
const machine = levelMachine.provide({
  actors: { runner: recordingRunner, reviewer: recordingReviewer },
  actions: { prepareRun: (_, config) => void (config && prepared.push(config)) },
});

const events: LevelEvent[] = [
  { type: 'CONTINUE' },
  { type: 'BRIEFING' },
  { type: 'PICK', pattern: 'polling' },
  { type: 'PICK', pattern: 'webhook' },
  { type: 'SET_PARAM', name: 'intervalMs', value: 600_000 },
  { type: 'RUN' },
  { type: 'PAUSE' },
  { type: 'RESUME' },
  { type: 'STEP' },
  { type: 'STEP_BACK' },
  { type: 'SEEK', position: 1234 },
  { type: 'SPEED', speed: 10 },
  { type: 'SKIP' },
  { type: 'STOP' },
  { type: 'RUN.FINISHED', result },
  { type: 'RUN.FAILED', message: 'boom' },
  { type: 'REVIEW.ENDED' },
  { type: 'RETRY' },
  { type: 'NEXT' },
];

type Snap = SnapshotFrom<typeof machine>;
// The list of runs grows without bound; count it only up to 2 so the state space stays finite.
const serializeState = (s: Snap) =>
  JSON.stringify([
    s.value,
    s.context.pattern ?? null,
    Boolean(s.context.result),
    Boolean(s.context.error),
    Math.min(2, s.context.runs.length),
    s.context.params,
  ]);

/**
 * What each event must do, written out rather than read from the machine: where it lands, what it
 * changes, and what reaches the runner. An event a state does not handle changes nothing.
 */
function checkStep(before: Snap, event: LevelEvent, after: Snap, toRunner: Reached[]): void {
  const b = before.context;
  const a = after.context;
  const m = `${JSON.stringify(before.value)} --${JSON.stringify(event).slice(0, 60)}-->`;
  const ignored = () => {
    expect(after.value, m).toEqual(before.value);
    expect(a, m).toEqual(b);
    expect(toRunner, m).toEqual([]);
  };
  const kept = () => {
    expect(a.pattern, m).toBe(b.pattern);
    expect(a.params, m).toEqual(b.params);
  };
  switch (event.type) {
    case 'CONTINUE':
      if (!before.matches('briefing')) return ignored();
      expect(after.value, m).toBe('choosing');
      return kept();
    case 'BRIEFING':
      if (!before.matches('choosing')) return ignored();
      expect(after.value, m).toBe('briefing');
      return kept();
    case 'PICK':
      if (!before.matches('choosing')) return ignored();
      expect(after.value, m).toBe('choosing');
      expect(a.pattern, m).toBe(event.pattern);
      expect(a.params, m).toEqual(b.pattern === event.pattern ? b.params : defaultParams(lvl, event.pattern));
      expect(prepared.at(-1), m).toEqual({ level: lvl, pattern: event.pattern, params: a.params, seed: a.seed });
      return;
    case 'SET_PARAM':
      if (!before.matches('choosing')) return ignored();
      expect(a.params[event.name], m).toBe(event.value);
      expect(a.params, m).toEqual({ ...b.params, [event.name]: event.value });
      expect(prepared.at(-1), m).toEqual(a.pattern ? { level: lvl, pattern: a.pattern, params: a.params, seed: a.seed } : undefined);
      return;
    case 'RUN':
      if (!before.matches('choosing') || b.pattern === undefined) return ignored();
      expect(after.value, m).toEqual({ running: 'playing' });
      expect(toRunner, m).toEqual([{ type: 'STARTED', input: { config: { level: lvl, pattern: b.pattern, params: b.params, seed: b.seed }, speed: b.speed } }]);
      return kept();
    case 'PAUSE':
      // A run playing, or a finished run played again in its debrief.
      if (before.matches({ running: 'playing' })) expect(after.value, m).toEqual({ running: 'paused' });
      else if (before.matches({ debrief: 'replaying' })) expect(after.value, m).toEqual({ debrief: 'still' });
      else return ignored();
      expect(toRunner, m).toEqual([event]);
      return;
    case 'RESUME':
      if (before.matches({ running: 'paused' })) expect(after.value, m).toEqual({ running: 'playing' });
      else if (before.matches({ debrief: 'still' })) expect(after.value, m).toEqual({ debrief: 'replaying' });
      else return ignored();
      expect(toRunner, m).toEqual([event]);
      return;
    case 'STEP':
    case 'STEP_BACK':
      // Either way, playing or paused, a step pauses the run where it lands; in the debrief too.
      if (before.matches('running')) expect(after.value, m).toEqual({ running: 'paused' });
      else if (before.matches('debrief')) expect(after.value, m).toEqual({ debrief: 'still' });
      else return ignored();
      expect(toRunner, m).toEqual([event]);
      return;
    case 'SEEK':
    case 'SKIP':
      if (!before.matches('running') && !before.matches('debrief')) return ignored();
      expect(after.value, m).toEqual(before.value);
      expect(toRunner, m).toEqual([event]);
      return;
    case 'SPEED':
      // Any time: the speed is kept for the next run, and a run in progress (or played again) hears it.
      expect(after.value, m).toEqual(before.value);
      expect(a.speed, m).toBe(event.speed);
      expect(toRunner, m).toEqual(before.matches('running') || before.matches('debrief') ? [event] : []);
      return;
    case 'REVIEW.ENDED':
      if (!before.matches({ debrief: 'replaying' })) return ignored();
      expect(after.value, m).toEqual({ debrief: 'still' });
      expect(toRunner, m).toEqual([]);
      return;
    case 'STOP':
      if (!before.matches('running')) return ignored();
      expect(after.value, m).toBe('choosing');
      expect(toRunner, m).toEqual([{ type: 'STOPPED' }]);
      return kept();
    case 'RUN.FINISHED':
      if (!before.matches('running')) return ignored();
      expect(after.value, m).toEqual({ debrief: 'still' });
      expect(a.result, m).toBe(event.result);
      expect(a.runs, m).toEqual([...b.runs, event.result]);
      // The run's player stops; the reviewer starts on the view the run was played on.
      expect(toRunner, m).toEqual([{ type: 'STOPPED' }, { type: 'REVIEWING', input: { view: b.view } }]);
      return kept();
    case 'RUN.FAILED':
      if (!before.matches('running')) return ignored();
      expect(after.value, m).toBe('choosing');
      expect(a.error, m).toBe(event.message);
      expect(toRunner, m).toEqual([{ type: 'STOPPED' }]);
      return kept();
    case 'RETRY':
      // Back to the choice, not the briefing, with the pattern and its parameters as they were.
      if (!before.matches('debrief')) return ignored();
      expect(after.value, m).toBe('choosing');
      expect(a.result, m).toBe(b.result);
      expect(toRunner, m).toEqual([{ type: 'REVIEW_STOPPED' }]);
      return kept();
    case 'NEXT':
      if (!before.matches('debrief')) return ignored();
      expect(after.value, m).toBe('done');
      expect(after.status, m).toBe('done');
      expect(after.output, m).toEqual({ levelId: lvl.id });
      return;
    default:
      throw new Error(`no expectation written for ${event.type}`);
  }
}

/** Send each event to a live actor and check it against checkStep; returns the actor. */
function replay(steps: LevelEvent[]) {
  const actor = createActor(machine, { input: { level: lvl } }).start();
  for (const event of steps) {
    const before = actor.getSnapshot();
    reached.length = 0;
    prepared.length = 0;
    actor.send(event);
    checkStep(before, event, actor.getSnapshot(), [...reached]);
  }
  return actor;
}

describe('level machine: model-based paths (@xstate/graph)', () => {
  const paths = getShortestPaths(machine, { events, serializeState, input: { level: lvl } });

  it('reaches every state a player can be in', () => {
    const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const v of ['"briefing"', '"choosing"', '{"running":"playing"}', '{"running":"paused"}', '{"debrief":"still"}', '{"debrief":"replaying"}', '"done"']) {
      expect(values, v).toContain(v);
    }
  });

  it('never runs without a chosen pattern, and never debriefs without a result', () => {
    for (const path of paths) {
      const s = path.state;
      if (s.matches('running')) expect(s.context.pattern).toBeDefined();
      if (s.matches('debrief')) expect(s.context.result).toBeDefined();
      const ran = path.steps.findIndex((step) => step.event.type === 'RUN');
      const picked = path.steps.findIndex((step) => step.event.type === 'PICK');
      if (ran >= 0) expect(picked).toBeGreaterThanOrEqual(0);
      if (ran >= 0) expect(picked).toBeLessThan(ran);
    }
  });

  it('on a live actor, every step of every path, then every event from its end, does what is written down', () => {
    expect(paths.length).toBeGreaterThan(10);
    let checked = 0;
    for (const path of paths) {
      // A path starts with xstate.init, which is not an event a player sends.
      const steps = path.steps.slice(1).map((step) => step.event);
      const actor = replay(steps);
      expect(serializeState(actor.getSnapshot() as Snap)).toBe(serializeState(path.state));
      actor.stop();
      if (path.state.status === 'done') continue;
      for (const event of events) {
        replay([...steps, event]).stop();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('Retry from the debrief goes back to the choice with the pattern and its parameters kept', () => {
    const actor = createActor(machine, { input: { level: lvl } }).start();
    for (const e of ['CONTINUE', 'PICK', 'SET_PARAM', 'RUN', 'RUN.FINISHED', 'RETRY'] as const) {
      if (e === 'PICK') actor.send({ type: 'PICK', pattern: 'polling' });
      else if (e === 'SET_PARAM') actor.send({ type: 'SET_PARAM', name: 'intervalMs', value: 300_000 });
      else if (e === 'RUN.FINISHED') actor.send({ type: 'RUN.FINISHED', result });
      else actor.send({ type: e });
    }
    const s = actor.getSnapshot();
    expect(s.value).toBe('choosing');
    expect(s.context.pattern).toBe('polling');
    expect(s.context.params).toEqual({ intervalMs: 300_000 });
  });

  it('SET_PARAM sets exactly the value given, and the next run is started with it', () => {
    const actor = createActor(machine, { input: { level: lvl } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'polling' });
    expect(actor.getSnapshot().context.params).toEqual({ intervalMs: 1_800_000 });
    actor.send({ type: 'SET_PARAM', name: 'intervalMs', value: 420_000 });
    expect(actor.getSnapshot().context.params).toEqual({ intervalMs: 420_000 });
    reached.length = 0;
    actor.send({ type: 'RUN' });
    expect(reached).toEqual([
      { type: 'STARTED', input: expect.objectContaining({ config: expect.objectContaining({ pattern: 'polling', params: { intervalMs: 420_000 } }) }) },
    ]);
  });

  it('Next ends the level machine, its output naming the level it leaves', () => {
    const actor = createActor(machine, { input: { level: lvl } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'webhook' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'RUN.FINISHED', result });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ levelId: 'wheres-my-package' });
  });

  it('calls runFinished once for each finished run, with the level and the result', () => {
    const finished: RunFinished[] = [];
    const recording = machine.provide({ actions: { runFinished: (_, f: RunFinished) => void finished.push(f) } });
    const actor = createActor(recording, { input: { level: lvl } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'webhook' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'STOP' });
    expect(finished).toEqual([]);
    actor.send({ type: 'RUN' });
    actor.send({ type: 'RUN.FINISHED', result });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'RUN.FAILED', message: 'boom' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'RUN.FINISHED', result });
    expect(finished).toEqual([
      { levelId: 'wheres-my-package', result },
      { levelId: 'wheres-my-package', result },
    ]);
  });

  it('forwards run controls to the runner, each with what it carries', () => {
    const actor = createActor(machine, { input: { level: lvl } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'polling' });
    actor.send({ type: 'RUN' });
    reached.length = 0;
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP_BACK' });
    actor.send({ type: 'SEEK', position: 5000 });
    actor.send({ type: 'SPEED', speed: 10 });
    actor.send({ type: 'RESUME' });
    actor.send({ type: 'SKIP' });
    expect(reached).toEqual([
      { type: 'PAUSE' },
      { type: 'STEP' },
      { type: 'STEP_BACK' },
      { type: 'SEEK', position: 5000 },
      { type: 'SPEED', speed: 10 },
      { type: 'RESUME' },
      { type: 'SKIP' },
    ]);
    expect(actor.getSnapshot().context.speed).toBe(10);
  });

  it('plays at 1x unless told otherwise, and asks for the chosen run to be worked out before Run', () => {
    prepared.length = 0;
    const actor = createActor(machine, { input: { level: lvl } }).start();
    expect(actor.getSnapshot().context.speed).toBe(DEFAULT_SPEED);
    actor.send({ type: 'CONTINUE' });
    expect(prepared).toEqual([]);
    actor.send({ type: 'PICK', pattern: 'webhook' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'STOP' });
    // Back at the choice with a pattern picked: that run again.
    expect(prepared).toEqual([
      { level: lvl, pattern: 'webhook', params: {}, seed: 1 },
      { level: lvl, pattern: 'webhook', params: {}, seed: 1 },
    ]);
  });

  it('ignores a pattern the level does not offer', () => {
    const narrow = { ...lvl, patterns: { ...lvl.patterns, offered: ['webhook' as const] } };
    const actor = createActor(machine, { input: { level: narrow } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'polling' });
    expect(actor.getSnapshot().context.pattern).toBeUndefined();
  });
});

describe('game machine', () => {
  const game = gameMachine.provide({ actors: { level: machine } });

  it('starts on the title screen, or in the level the URL names', () => {
    expect(createActor(game, { input: { catalog } }).start().getSnapshot().value).toBe('title');
    const opened = createActor(game, { input: { catalog, levelId: 'wheres-my-package' } }).start();
    expect(opened.getSnapshot().value).toBe('level');
  });

  it('starts on the level list or the field guide when asked, and a level wins over both', () => {
    expect(
      createActor(game, { input: { catalog, screen: 'levels' } })
        .start()
        .getSnapshot().value,
    ).toBe('levels');
    expect(
      createActor(game, { input: { catalog, screen: 'guide' } })
        .start()
        .getSnapshot().value,
    ).toBe('guide');
    expect(
      createActor(game, { input: { catalog, screen: 'guide', levelId: 'wheres-my-package' } })
        .start()
        .getSnapshot().value,
    ).toBe('level');
  });

  it('moves between the title screen, the level list and the field guide, and leaves a level for them', () => {
    const actor = createActor(game, { input: { catalog, levelId: 'wheres-my-package' } }).start();
    actor.send({ type: 'LEVELS' });
    expect(actor.getSnapshot().value).toBe('levels');
    expect(actor.getSnapshot().context.levelId).toBeUndefined();
    actor.send({ type: 'GUIDE' });
    expect(actor.getSnapshot().value).toBe('guide');
    actor.send({ type: 'TITLE' });
    expect(actor.getSnapshot().value).toBe('title');
  });

  it('answers an unknown level id with a friendly notice on the title screen', () => {
    const actor = createActor(game, { input: { catalog, levelId: 'no-such-level' } }).start();
    expect(actor.getSnapshot().value).toBe('title');
    expect(actor.getSnapshot().context.notice).toMatch(/no level called "no-such-level"/);
    actor.send({ type: 'OPEN', id: 'also-missing' });
    expect(actor.getSnapshot().context.notice).toMatch(/also-missing/);
    actor.send({ type: 'OPEN', id: 'wheres-my-package' });
    expect(actor.getSnapshot().value).toBe('level');
    expect(actor.getSnapshot().context.notice).toBeUndefined();
  });

  const finish = (actor: ReturnType<typeof createActor<typeof game>>) => {
    const child = actor.getSnapshot().children.level!;
    child.send({ type: 'CONTINUE' });
    child.send({ type: 'PICK', pattern: child.getSnapshot().context.level.patterns.offered[0] });
    child.send({ type: 'RUN' });
    child.send({ type: 'RUN.FINISHED', result });
    child.send({ type: 'NEXT' });
  };

  it('Next level opens the next level in campaign order', () => {
    const order = catalog.chapters.flatMap((c) => c.levels.map((l) => l.id));
    const actor = createActor(game, { input: { catalog, levelId: order[0] } }).start();
    finish(actor);
    expect(actor.getSnapshot().context.levelId).toBe(order[1]);
  });

  it("opens the level after the one the level machine's output names", () => {
    // A stand-in level machine that, on NEXT, names a level other than the one opened: the game must
    // follow the output, not its own idea of where the player was.
    const order = catalog.chapters.flatMap((c) => c.levels.map((l) => l.id));
    const standIn = setup({ types: { input: {} as LevelInput, output: {} as LevelOutput } }).createMachine({
      initial: 'debrief',
      states: { debrief: { on: { NEXT: 'done' } }, done: { type: 'final' } },
      output: { levelId: order[3] },
    });
    const actor = createActor(gameMachine.provide({ actors: { level: standIn as unknown as typeof levelMachine } }), {
      input: { catalog, levelId: order[0] },
    }).start();
    actor.getSnapshot().children.level!.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('level');
    expect(actor.getSnapshot().context.levelId).toBe(order[4]);
  });

  it('keeps the speed picked in one level for the next, and says so to the app once', () => {
    const chosen: number[] = [];
    const recording = game.provide({ actions: { speedChosen: (_, speed: number) => void chosen.push(speed) } });
    const order = catalog.chapters.flatMap((c) => c.levels.map((l) => l.id));
    const actor = createActor(recording, { input: { catalog, levelId: order[0] } }).start();
    expect(actor.getSnapshot().context.speed).toBe(DEFAULT_SPEED);
    actor.getSnapshot().children.level!.send({ type: 'SPEED', speed: 5 });
    expect(actor.getSnapshot().context.speed).toBe(5);
    expect(chosen).toEqual([5]);
    finish(actor);
    expect(actor.getSnapshot().context.levelId).toBe(order[1]);
    expect(actor.getSnapshot().children.level!.getSnapshot().context.speed).toBe(5);
    expect(
      createActor(recording, { input: { catalog, speed: 0.5 } })
        .start()
        .getSnapshot().context.speed,
    ).toBe(0.5);
  });

  it('goes back to the level list after the last level', () => {
    const order = catalog.chapters.flatMap((c) => c.levels.map((l) => l.id));
    const actor = createActor(game, { input: { catalog, levelId: order[order.length - 1] } }).start();
    finish(actor);
    expect(actor.getSnapshot().value).toBe('title');
  });
});
