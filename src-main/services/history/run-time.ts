/**
 * When a run "happened" for lists and windows: started, else queued, else scheduled (run_after, then the logical
 * date). Over a table alias (`runTimeOf('r')`) it is still the expression of the indexes dag_runs_by_run_time and
 * dag_runs_by_dag_run_time, so SQLite reads windows through them.
 */
export const runTimeOf = (alias?: string): string => {
  const p = alias === undefined ? '' : `${alias}.`;
  return `COALESCE(${p}start_date, ${p}queued_at, ${p}run_after, ${p}logical_date)`;
};

export const RUN_TIME_SQL = runTimeOf();

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function hoursBefore(iso: string, hours: number): string {
  return new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
}
