import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** npm run levels:check on a copy of levels/ changed by `edit`: its exit code and what it printed. */
function check(edit: (dir: string) => void): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'levels-'));
  dirs.push(dir);
  cpSync('levels', dir, { recursive: true });
  edit(dir);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/app/cli/levels-check.ts', dir], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Json {
  text: Record<string, { hints: string[] } | undefined>;
  chapters: Array<{ title: Record<string, string> }>;
}
const editJson = (file: string, change: (json: Json) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  change(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
};

describe('levels:check and the languages of the game', () => {
  it('passes the levels as they are', () => {
    expect(check(() => {}).status).toBe(0);
  });

  it('fails on a level with no words in a language, a key the English has and another language lacks, and a chapter title missing', () => {
    const { status, out } = check((dir) => {
      editJson(join(dir, 'orders-and-payments/payment-confirmed.json'), (level) => delete level.text.es);
      editJson(join(dir, 'orders-and-payments/wheres-my-package.json'), (level) => level.text.es?.hints.pop());
      editJson(join(dir, 'index.json'), (index) => delete index.chapters[1]!.title.es);
    });
    expect(status).toBe(1);
    expect(out).toContain('payment-confirmed.json: at text.es: expected the level');
    expect(out).toContain('wheres-my-package.json: at text.es.hints.1: expected its words in es');
    expect(out).toContain('at chapters.pages-and-forms.title.es');
  });
});
