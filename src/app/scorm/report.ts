import type { ProgressData } from '../progress.ts';

/** What the package reports: pure functions of the saved progress and the package's levels. */

/** 0 to 100: the stars earned in the package's levels out of three per level. */
export function scoreOf(data: ProgressData, levels: readonly string[]): number {
  const stars = levels.reduce((sum, id) => sum + (data.levels[id]?.stars ?? 0), 0);
  return Math.round((100 * stars) / (3 * levels.length));
}

/** "passed" once every level of the package is passed, "incomplete" until then. */
export function statusOf(data: ProgressData, levels: readonly string[]): 'passed' | 'incomplete' {
  return levels.every((id) => data.levels[id]?.passed) ? 'passed' : 'incomplete';
}

/** SCORM 1.2 keeps at most 4,096 characters of suspend_data: the patterns tried go first, then other packages' levels. */
export const SUSPEND_DATA_MAX = 4096;
export function fitSuspendData(data: ProgressData, levels: readonly string[]): string {
  const full = JSON.stringify(data);
  if (full.length <= SUSPEND_DATA_MAX) return full;
  const strip = (ids: string[]) => Object.fromEntries(ids.filter((id) => data.levels[id]).map((id) => [id, { ...data.levels[id], patterns: [] }]));
  const lean = JSON.stringify({ ...data, levels: strip(Object.keys(data.levels)) });
  if (lean.length <= SUSPEND_DATA_MAX) return lean;
  return JSON.stringify({ version: data.version, levels: strip([...levels]) });
}

/** A SCORM 1.2 time span, HHHH:MM:SS.SS. */
export function timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.min(9999, Math.floor(cs / 360_000));
  return `${pad(hours, 4)}:${pad(Math.floor(cs / 6000) % 60, 2)}:${pad(Math.floor(cs / 100) % 60, 2)}.${pad(cs % 100, 2)}`;
}
