import type { Level } from './schema.ts';
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

/**
 * The level's own words as a run writes them. A run is worked out in English whatever language the player reads
 * (the same trace, bytes and verdict as `npm run simulate`): its statuses ("Bid no. 3, by Omar"), who acts ("Ana
 * bids") and the outsider are the level's English text, said here in the player's language from its text.
 */
let levelReader: ((label: string) => string | undefined) | undefined;

/** The level whose runs are being shown (none: its words are left as they are). */
export function speakLevel(level: Level | undefined): void {
  const lang = language();
  const english = level?.text.en;
  const current = level?.text[lang];
  if (!level || !english || !current || lang === 'en') {
    levelReader = undefined;
    return;
  }
  const statuses = templateReader(english.statuses);
  const who: Record<string, string> = {
    ...Object.fromEntries(Object.entries(english.actors).map(([id, name]) => [name, current.actors[id] ?? name])),
    ...(english.outsider && current.outsider ? { [english.outsider]: current.outsider } : {}),
    ...Object.fromEntries(Object.entries(english.people ?? {}).map(([id, name]) => [name, current.people?.[id] ?? name])),
  };
  const person = (value: string) => who[value] ?? value;
  const acts = english.act && current.act ? templateReader({ act: `{person} ${english.act}` }) : undefined;
  const status = (text: string) => statuses(text, current.statuses, person);
  levelReader = (label) => {
    const whole = status(label) ?? acts?.(label, { act: `{person} ${current.act}` }, person);
    if (whole !== undefined) return whole;
    // A change of one of several resources: "ord_1: Payment succeeded".
    const resource = /^([^\s:]+): (.+)$/s.exec(label);
    if (!resource) return undefined;
    const rest = status(resource[2]!);
    return rest === undefined ? undefined : `${resource[1]}: ${rest}`;
  };
}

export function traceWords(label: string): string {
  if (language() === 'en') return label;
  const level = (value: string) => levelReader?.(value) ?? value;
  // What a placeholder stood for may be a label of its own (an error inside "the stream broke ({error})", a status).
  const inner = (value: string) => read(value, words().trace, level) ?? level(value);
  return read(label, words().trace, inner) ?? level(label);
}
