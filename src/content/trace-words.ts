import { templateReader } from './template-words.ts';
import { en } from './text/en.ts';
import { language, words } from './text/index.ts';

/**
 * The trace's labels in the player's language. The network and the patterns write their notes in English (the
 * patterns' code is what the player reads as "the code that ran", so it says them in plain words, not keys); a
 * label that matches one of `en.trace`, its `{placeholders}` standing for any words, is said with the same
 * placeholders in the current language's `trace`. Anything else (an HTTP line, a status of the level's own words)
 * is shown as it is.
 */

const read = templateReader(en.trace);

export function traceWords(label: string): string {
  if (language() === 'en') return label;
  // What a placeholder stood for may be a label of its own (an error inside "the stream broke ({error})").
  const inner = (value: string) => read(value, words().trace) ?? value;
  return read(label, words().trace, inner) ?? label;
}
