/** "4 s", "3 min 20 s", "2 h 5 min": an age or a delay, precise where it matters. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 > 0 && s < 600 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) > 0 ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatSeconds(ms / 1000);
}

export function formatCount(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** How fresh a heartbeat is: beats are seconds apart, so a minute of silence is worth a look. */
export type BeatTone = 'ok' | 'late' | 'stale' | 'missing';
export function beatTone(ageSeconds: number | null, series: number): BeatTone {
  if (series === 0) return 'missing';
  if (ageSeconds === null || ageSeconds > 300) return 'stale';
  return ageSeconds > 60 ? 'late' : 'ok';
}
