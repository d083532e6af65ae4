/**
 * Words written in English by code that does not speak the player's language (the network's trace, the level
 * format's checks), said in the current language: an English template whose `{placeholders}` stand for any words
 * is matched, and the same key's template in the other language is filled with what they stood for.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A reader for one set of templates, English and the current language's, keyed alike. Tried in the keys' order. What a
 * placeholder stood for may be said in the current language too (`each`: an error inside a label).
 */
export function templateReader<K extends string>(
  english: Record<K, string>,
): (text: string, current: Record<K, string>, each?: (value: string) => string) => string | undefined {
  let compiled: Array<{ key: K; match: RegExp; names: string[] }> | undefined;
  return (text, current, each = (value) => value) => {
    compiled ??= (Object.entries(english) as Array<[K, string]>).map(([key, template]) => {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const source = template
        .split(/\{\w+\}/)
        .map(escape)
        .join('(.+?)');
      return { key, match: new RegExp(`^${source}$`, 's'), names };
    });
    for (const { key, match, names } of compiled) {
      const found = match.exec(text);
      if (!found) continue;
      const values = Object.fromEntries(names.map((name, i) => [name, each(found[i + 1] ?? '')]));
      return current[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
    }
    return undefined;
  };
}
