/** When a run "happened" for lists and windows: started, else queued, else scheduled. */
export const RUN_TIME_SQL = 'COALESCE(start_date, queued_at, run_after, logical_date)';

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function hoursBefore(iso: string, hours: number): string {
  return new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
}
