import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No import cycle in src: each module has one home, and the layers of docs/architecture.md only look down.
 *
 * Every relative import counts: `import`, `import type`, `export ... from` and `import()`. Type-only
 * imports are erased from the build, so a cycle through them never breaks the order in which modules
 * run; but it still ties two modules' designs together, each needing the other to be understood or
 * changed, which is what this test guards against. (The cycle it was written for, level-machine ->
 * runner -> level-machine, went back through `import type`: counting only value imports would miss it.)
 * A dynamic import() counts too: the module loads later, but it is a dependency all the same.
 */

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, when it is one of ours; undefined for packages and assets. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.split('?')[0]);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => /\.tsx?$/.test(p) && existsSync(p) && statSync(p).isFile());
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((p): p is string => p !== undefined);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Every cycle that a depth-first walk meets (one per edge back into the current path). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}

describe('imports in src', () => {
  const graph = importGraph(sourceFiles(SRC));

  it('reads the imports it should', () => {
    // A guard against a walker that sees nothing and so finds no cycle.
    expect(graph.size).toBeGreaterThan(50);
    const game = graph.get(join(SRC, 'flow/game-machine.ts'))!.map((p) => relative(SRC, p));
    expect(game).toContain('flow/level-machine.ts');
    const shell = graph.get(join(SRC, 'ui/shell.ts'))!.map((p) => relative(SRC, p));
    expect(shell).toContain('flow/game-machine.ts'); // an `import type`
  });

  it('finds a cycle when there is one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    const c = join(SRC, 'c.ts');
    expect(
      findCycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([[a, b, c, a]]);
    expect(
      findCycles(
        new Map([
          [a, [b, c]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.map((p) => relative(SRC, p)).join(' -> '));
    expect(cycles, `import cycles in src:\n${cycles.join('\n')}`).toEqual([]);
  });
});
