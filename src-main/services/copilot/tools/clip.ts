/** Bounds Airflow text before it reaches a prompt: one line, at most `max` characters. */
export function clipLine(text: string, max = 240): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString();
}

export function seconds(value: number | null): string {
  if (value === null) return '?';
  if (value < 120) return `${Math.round(value)}s`;
  if (value < 7200) return `${Math.round(value / 60)}min`;
  return `${(value / 3600).toFixed(1)}h`;
}
