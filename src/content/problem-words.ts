import type { LevelError } from './catalog.ts';
import { say } from './present.ts';
import type { Problem } from './schema-kit.ts';
import { templateReader } from './template-words.ts';
import { en } from './text/en.ts';
import { words } from './text/index.ts';

/**
 * A problem of a level file as the player reads it, in their language: the line around it from `problems.line`,
 * what was expected and what was found said through `problems.expected` and `problems.got` when they match one of
 * the English phrases the checks write (a value quoted from the file, or the browser's own JSON message, stays as
 * it is). The command line keeps formatProblem's English.
 */

const readExpected = templateReader(en.problems.expected);
const readGot = templateReader(en.problems.got);

/** What was expected, in the current language; undefined when no phrase matches. */
export const expectedWords = (text: string): string | undefined => readExpected(text, words().problems.expected);

/** What was found, in the current language; undefined when no phrase matches. */
export const gotWords = (text: string): string | undefined => readGot(text, words().problems.got);

export function problemLine(file: string, problem: Problem): string {
  const said = words().problems;
  return say(said.line, {
    file,
    path: problem.path === en.problems.top ? said.top : problem.path,
    expected: expectedWords(problem.expected) ?? problem.expected,
    got: gotWords(problem.got) ?? problem.got,
  });
}

/** Every problem of these files, one line each. */
export const problemLines = (errors: LevelError[]): string[] => errors.flatMap((e) => e.problems.map((p) => problemLine(e.file, p)));
