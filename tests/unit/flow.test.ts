import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, type SnapshotFrom } from 'xstate';
import { gameMachine } from '../../src/flow/game-machine.ts';
import { levelMachine, type LevelEvent } from '../../src/flow/level-machine.ts';
import type { ControlEvent, RunnerInput } from '../../src/flow/run-protocol.ts';
import { catalog, level, run } from './helpers.ts';

const lvl = level('wheres-my-package');
const result = await run(lvl, 'webhook');

// The run itself is driven by the traversal's RUN.* events; the stand-in runner records controls.
const controls: ControlEvent[] = [];
const quietRunner = fromCallback<ControlEvent, RunnerInput>(({ receive }) => receive((e) => void controls.push(e)));
const machine = levelMachine.provide({ actors: { runner: quietRunner } });

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
  { type: 'SKIP' },
  { type: 'STOP' },
  { type: 'RUN.FINISHED', result },
  { type: 'RUN.FAILED', message: 'boom' },
  { type: 'RETRY' },
  { type: 'NEXT' },
];

type Snap = SnapshotFrom<typeof machine>;
// The list of runs grows without bound; count it only up to 2 so the state space stays finite.
const serializeState = (s: Snap) =>
  JSON.stringify([s.value, s.context.pattern ?? null, Boolean(s.context.result), Boolean(s.context.error), Math.min(2, s.context.runs.length), s.context.params]);

describe('level machine: model-based paths (@xstate/graph)', () => {
  const paths = getShortestPaths(machine, { events, serializeState, input: { level: lvl } });

  it('reaches every state a player can be in', () => {
    const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const v of ['"briefing"', '"choosing"', '{"running":"playing"}', '{"running":"paused"}', '"debrief"', '"done"']) {
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

  it('replays every path on a live actor and lands where the model says', () => {
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const actor = createActor(machine, { input: { level: lvl } }).start();
      for (const step of path.steps) actor.send(step.event);
      const end = actor.getSnapshot();
      expect(serializeState(end as Snap)).toBe(serializeState(path.state));
      actor.stop();
    }
  });

  it('forwards run controls to the runner', () => {
    controls.length = 0;
    const actor = createActor(machine, { input: { level: lvl } }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'PICK', pattern: 'polling' });
    actor.send({ type: 'RUN' });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'STEP' });
    actor.send({ type: 'SPEED', speed: 10 });
    actor.send({ type: 'RESUME' });
    actor.send({ type: 'SKIP' });
    expect(controls.map((c) => c.type)).toEqual(['PAUSE', 'STEP', 'SPEED', 'RESUME', 'SKIP']);
    expect(actor.getSnapshot().context.params).toEqual({ intervalMs: 1_800_000 });
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

  it('goes back to the level list after the last level', () => {
    const order = catalog.chapters.flatMap((c) => c.levels.map((l) => l.id));
    const actor = createActor(game, { input: { catalog, levelId: order[order.length - 1] } }).start();
    finish(actor);
    expect(actor.getSnapshot().value).toBe('title');
  });
});
