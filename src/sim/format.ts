/**
 * Human-readable numbers, durations and sizes, shared by the log, the debrief and the command line, written
 * the way the game's current language writes them (`setFormatLocale`, called when the language is set: sim
 * knows no words, so the one word it writes, the clock's day, comes with the locale).
 */

let locale = 'en';
let dayWords = 'Day {day}';
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Write numbers as `tag` does (a BCP 47 tag: "en", "es"), and the clock's day with `day` ("Día {day}"). */
export function setFormatLocale(tag: string, day = 'Day {day}'): void {
  locale = tag;
  dayWords = day;
  numberFormats.clear();
}

/** The locale numbers are written in now. */
export const formatLocale = (): string => locale;

/** A number as the current language writes it; `options` as Intl.NumberFormat takes them. */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(n);
}

/** A measurement with up to (or exactly) `digits` decimals, never grouped: "2.9", "2,9" in Spanish. */
const decimals = (n: number, digits: number, exact = false) =>
  formatNumber(n, { maximumFractionDigits: digits, minimumFractionDigits: exact ? digits : 0, useGrouping: false });

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${neg ? '-' : ''}${rest} ms`;
  // Under a minute, tenths of a second matter (a 2.9 s delay is not a 2 s one).
  if (rest < 60_000) return `${neg ? '-' : ''}${decimals(Number((rest / 1000).toFixed(1)), 1)} s`;
  const parts: string[] = [];
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${name}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return (neg ? '-' : '') + parts.join(' ');
}

/** A calendar date given as YYYY-MM-DD, as the current language writes it ("Nov 30, 2026", "30 nov 2026"). */
export function formatDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

/** Virtual time as a wall clock: "Day 1, 09:05:03" ("Día 1, 09:05:03"). */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const day = Math.floor(total / 86_400) + 1;
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayWords.replace('{day}', String(day))}, ${pad(h)}:${pad(m)}:${pad(s)}`;
}

export function formatBytes(bytes: number): string {
  // An average (bytes per change) may have a fraction: one decimal at most, written for the language ("433,1 B").
  if (bytes < 1024) return `${decimals(Number(bytes.toFixed(1)), 1)} B`;
  if (bytes < 1024 * 1024) return `${decimals(bytes / 1024, 1, true)} KB`;
  return `${decimals(bytes / 1024 / 1024, 2, true)} MB`;
}
