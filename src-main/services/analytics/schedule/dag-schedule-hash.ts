import type { DagInfo } from '../history-types';

/** FNV-1a of what the schedule detector reads of a DAG besides its runs: a change means scoring it again. */
export function dagScheduleHash(dag: DagInfo): number {
  const spans = (dag.pauseSpans ?? []).map((s) => `${s.fromMs}-${s.toMs}`).join(',');
  const text = `${dag.schedule ?? ''}\u0000${dag.timezone ?? ''}\u0000${dag.timetableDescription ?? ''}\u0000${spans}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
