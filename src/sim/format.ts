/** Human-readable durations and sizes, shared by the log, the debrief and the command line. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  const neg = ms < 0;
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${neg ? '-' : ''}${rest} ms`;
  // Under a minute, tenths of a second matter (a 2.9 s delay is not a 2 s one).
  if (rest < 60_000) return `${neg ? '-' : ''}${Number((rest / 1000).toFixed(1))} s`;
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

/** Virtual time as a wall clock: "Day 1, 09:05:03". */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const day = Math.floor(total / 86_400) + 1;
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Day ${day}, ${pad(h)}:${pad(m)}:${pad(s)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
