import { setFormatLocale } from '../../sim/format.ts';
import { en, type GameText } from './en.ts';

/**
 * The languages the game speaks: each one's name in itself (the language switch shows it) and its words. English,
 * the source language, comes with the entry; another language's words are a chunk of their own, loaded when it is
 * chosen (`setLanguage`, before the first screen is drawn). A third language is its text file and one line here.
 */
const known = {
  en: { name: 'English', words: async (): Promise<GameText> => en },
  es: { name: 'Español', words: async (): Promise<GameText> => (await import('./es.ts')).es },
};

export type Language = keyof typeof known;

/** The game's languages, English first. */
export const languages = Object.keys(known) as Language[];

export const isLanguage = (code: string): code is Language => Object.hasOwn(known, code);

/** A language's name as its speakers write it ("Español"). */
export const languageName = (lang: Language): string => known[lang].name;

let current: Language = 'en';
let currentWords: GameText = en;

/** The language the game speaks now. */
export const language = (): Language => current;

/** The game's words in the current language. */
export const words = (): GameText => currentWords;

/** Speak `lang` from now on: its words, and its way of writing numbers, durations and dates. */
export async function setLanguage(lang: Language): Promise<void> {
  const loaded = await known[lang].words();
  current = lang;
  currentWords = loaded;
  setFormatLocale(lang, loaded.clockDay);
}

/** Every language's words (each loaded once), for what is written in all of them: a level saved from the playground. */
export async function everyLanguage(): Promise<Record<Language, GameText>> {
  const all = await Promise.all(languages.map(async (lang) => [lang, await known[lang].words()] as const));
  return Object.fromEntries(all) as Record<Language, GameText>;
}
