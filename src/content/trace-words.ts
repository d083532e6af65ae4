import { en } from './text/en.ts';
import { language, words } from './text/index.ts';

/**
 * The trace's labels in the player's language. The network and the patterns write their notes in English (the
 * patterns' code is what the player reads as "the code that ran", so it says them in plain words, not keys); a
 * label that matches one of `en.trace`, its `{placeholders}` standing for any words, is said with the same
 * placeholders in the current language's `trace`. Anything else (an HTTP line, a status of the level's own words)
 * is shown as it is.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let patterns: Array<{ key: keyof typeof en.trace; match: RegExp; names: string[] }> | undefined;

function compiled() {
  patterns ??= (Object.entries(en.trace) as Array<[keyof typeof en.trace, string]>).map(([key, template]) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const source = template
      .split(/\{\w+\}/)
      .map(escape)
      .join('(.+?)');
    return { key, match: new RegExp(`^${source}$`, 's'), names };
  });
  return patterns;
}

export function traceWords(label: string): string {
  if (language() === 'en') return label;
  for (const { key, match, names } of compiled()) {
    const found = match.exec(label);
    if (!found) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, found[i + 1] ?? '']));
    return words().trace[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }
  return label;
}
