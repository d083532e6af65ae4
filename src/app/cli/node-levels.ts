import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type Catalog } from '../../content/catalog.ts';

/** The level files as Node reads them: every .json under levels/, by its path inside that folder. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const levelsDir = join(root, 'levels');
export const docsDir = join(root, 'docs');

export function readLevelFiles(dir = levelsDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) files[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

export function loadCatalog(dir = levelsDir): Catalog {
  return buildCatalog(readLevelFiles(dir));
}
