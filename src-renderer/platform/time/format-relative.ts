const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "14 min ago", "3 h ago", "2 d ago", or "in 5 min" for the future. */
export function formatRelative(thenMs: number, nowMs: number): string {
  const delta = nowMs - thenMs;
  const abs = Math.abs(delta);
  let text: string;
  if (abs < MINUTE) return 'just now';
  if (abs < HOUR) text = `${Math.floor(abs / MINUTE)} min`;
  else if (abs < DAY) text = `${Math.floor(abs / HOUR)} h`;
  else if (abs < 60 * DAY) text = `${Math.floor(abs / DAY)} d`;
  else text = `${Math.floor(abs / (30 * DAY))} mo`;
  return delta >= 0 ? `${text} ago` : `in ${text}`;
}

/** "2025-03-14 09:30:12 UTC": the absolute time shown in tooltips and detail panels. */
export function formatAbsolute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
