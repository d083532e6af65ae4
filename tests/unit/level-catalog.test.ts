import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { levelIndex, loadLevel } from '../../src/app/level-catalog.ts';
import { findLevel, indexOf, isWholeLevel, type Catalog, type LevelEntry } from '../../src/content/catalog.ts';
import type { Level } from '../../src/content/schema.ts';
import { gameMachine } from '../../src/flow/game-machine.ts';
import { catalog } from './helpers.ts';

describe('the level list the browser starts with, and each level fetched when it opens', () => {
  it('lists every level by its entry only, as Node reads the files, and loads each whole', async () => {
    expect(levelIndex).toEqual(indexOf(catalog));
    expect(isWholeLevel(findLevel(levelIndex, 'team-chat'))).toBe(false);
    // Whole, but for the verdicts its author expects, which the game never reads (vite.config.ts leaves them out).
    const whole: Partial<Level> = { ...findLevel(catalog, 'team-chat') };
    delete whole.expected;
    expect(await loadLevel('team-chat')).toEqual(whole);
    await expect(loadLevel('no-such-level')).rejects.toThrow(/no file for the level "no-such-level"/);
  });

  const opening = (load: (id: string) => Promise<Level>) =>
    gameMachine.provide({ actors: { loadLevel: fromPromise<Level, { catalog: Catalog<LevelEntry>; id: string }>(({ input }) => load(input.id)) } });

  it('opens a level once its file has come, and says which level is opening meanwhile', async () => {
    const game = createActor(opening(loadLevel), { input: { catalog: levelIndex, levelId: 'live-auction' } }).start();
    expect(game.getSnapshot().value).toBe('opening');
    await waitFor(game, (s) => s.matches('level'));
    expect(game.getSnapshot().context.opened?.id).toBe('live-auction');
    expect(game.getSnapshot().children.level?.getSnapshot().context.level.id).toBe('live-auction');
  });

  it('a level whose file cannot be read leaves the player on the title screen, told why', async () => {
    const game = createActor(
      opening(() => Promise.reject(new Error('levels/x.json: at world.durationMs expected a duration'))),
      { input: { catalog: levelIndex } },
    ).start();
    game.send({ type: 'OPEN', id: 'team-chat' });
    await waitFor(game, (s) => s.matches('title'));
    expect(game.getSnapshot().context.notice).toBe('The level "team-chat" could not be opened: levels/x.json: at world.durationMs expected a duration');
    expect(game.getSnapshot().context.levelId).toBeUndefined();
  });
});
