import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultWorld, worldToLevelFile, type World } from '../../src/content/playground.ts';
import { everyLanguage, languages } from '../../src/content/text/index.ts';

/** "Save as a level file": the file goes into a copy of levels/, listed in its chapter, and npm run levels:check runs on it. */

const dirs: string[] = [];
const all = await everyLanguage();
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function checkSaved(world: World): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'levels-'));
  dirs.push(dir);
  cpSync('levels', dir, { recursive: true });
  writeFileSync(join(dir, 'orders-and-payments/my-world.json'), JSON.stringify(worldToLevelFile(world, undefined, all), null, 2));
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { chapters: Array<{ levels: string[] }> };
  index.chapters[0].levels.push('my-world');
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/app/cli/levels-check.ts', dir], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('a world saved as a level file', () => {
  it('has its words in every language the game speaks, the story and goals of that world in each', () => {
    const file = worldToLevelFile({ ...defaultWorld, side: 'script', clients: 1200 }, undefined, all) as {
      text: Record<string, { story: string; goals: Record<string, string> }>;
    };
    expect(Object.keys(file.text).sort()).toEqual([...languages].sort());
    expect(file.text.en.story).toMatch(/^Your app is a script that runs every 1 d, for half a minute each time\. .* 1,200 clients watch\./);
    expect(file.text.es.story).toMatch(/^Tu aplicación es un script que se ejecuta cada 1 d, medio minuto cada vez\. .* Miran 1200 clientes\./);
    expect(file.text.es.goals.fresh).toBe('Cada cambio se sabe en menos de 1 min');
  });

  it('is accepted by npm run levels:check, words in every language included', () => {
    const { status, out } = checkSaved({ ...defaultWorld, flow: 'both', goals: { ...defaultWorld.goals, maxRequests: 50, maxConnectionMs: 600_000 } });
    const listed = (JSON.parse(readFileSync('levels/index.json', 'utf8')) as { chapters: Array<{ levels: string[] }> }).chapters.flatMap((c) => c.levels);
    expect(out).toContain(`${listed.length + 1} levels valid, 0 problems`);
    expect(status).toBe(0);
  });
});
