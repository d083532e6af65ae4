import type { Catalog, LevelEntry } from '../content/catalog.ts';

/**
 * A learning-platform package (`npm run package:scorm`) writes its choices into the game's page as
 * `<script type="application/json" id="push-or-poll-package">`: which levels it holds and its title.
 * Without that script the game is the whole game.
 */
export interface PackageConfig {
  /** Names the package, so that saved progress can tell packages apart. */
  id: string;
  title: string;
  levels: string[];
}

export const PACKAGE_CONFIG_ID = 'push-or-poll-package';

export function readPackageConfig(doc: Document): PackageConfig | undefined {
  const text = doc.getElementById(PACKAGE_CONFIG_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PackageConfig>;
    const ok =
      typeof value.id === 'string' &&
      typeof value.title === 'string' &&
      Array.isArray(value.levels) &&
      value.levels.length > 0 &&
      value.levels.every((l) => typeof l === 'string');
    if (ok) return value as PackageConfig;
  } catch {
    // reported below
  }
  console.warn('Push or Poll: the package settings in this page cannot be read; the whole game plays, outside any learning platform.');
  return undefined;
}

/** The catalog with only the package's levels (chapters left empty are dropped). */
export function restrictCatalog<L extends LevelEntry>(catalog: Catalog<L>, levels: readonly string[]): Catalog<L> {
  const keep = new Set(levels);
  const chapters = catalog.chapters.map((c) => ({ ...c, levels: c.levels.filter((l) => keep.has(l.id)) })).filter((c) => c.levels.length > 0);
  return { ...catalog, chapters };
}
