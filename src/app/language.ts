import { isLanguage, type Language } from '../content/text/index.ts';

/**
 * The language the game speaks: the address's `lang=` (already checked by params.ts), else the one the player
 * chose with the top bar's switch last time, else the first of the browser's languages the game speaks ("es-MX"
 * is Spanish), else English.
 */
export function chooseLanguage(asked: Language | undefined, saved: Language | undefined, browser: readonly string[] = []): Language {
  if (asked) return asked;
  if (saved) return saved;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The browser's languages, most preferred first (none where there is no navigator). */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}
