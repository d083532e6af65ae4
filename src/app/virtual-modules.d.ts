/**
 * The module the build writes from levels/ (vite.config.ts, `levelCatalog`): the catalog with each level's
 * entry only (id, rule, title), and a loader for each level's whole file, which the bundler puts in its own
 * chunk so that the first screen does not wait for every level's words.
 */
declare module 'virtual:level-catalog' {
  import type { Catalog, LevelEntry } from '../content/catalog.ts';
  export const catalog: Catalog<LevelEntry>;
  /** A level's file by level id: its path (for messages) and its text. */
  export const loaders: Record<string, () => Promise<{ file: string; text: string }>>;
}
