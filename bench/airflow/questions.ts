/** The three questions users ask of their Airflow history, and the shape of each answer. */

export interface FailureRate {
  dagId: string;
  runs: number;
  failed: number;
}

export interface SlowTaskInstance {
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  durationS: number;
}

export interface FailedRun {
  dagId: string;
  runId: string;
  startDate: string;
}

/** Instants the questions are asked against (ISO 8601, UTC, `Z`). */
export interface QuestionWindow {
  /** "last 30 days": runs started at or after this. */
  since30d: string;
  /** "yesterday": [yesterdayStart, todayStart). */
  yesterdayStart: string;
  todayStart: string;
  /** "since Monday": 00:00 UTC of this week's Monday (today when it is Monday). */
  monday: string;
}

export interface Answers {
  failureRates: FailureRate[];
  slowest: SlowTaskInstance[];
  failedRuns: FailedRun[];
}

const DAY_MS = 86_400_000;

export function questionWindow(now: Date): QuestionWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (now.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return {
    since30d: new Date(now.getTime() - 30 * DAY_MS).toISOString(),
    yesterdayStart: new Date(today - DAY_MS).toISOString(),
    todayStart: new Date(today).toISOString(),
    monday: new Date(today - sinceMonday * DAY_MS).toISOString(),
  };
}

/** Canonical order, so answers from both sides compare as JSON. */
export function sortFailureRates(rates: FailureRate[]): FailureRate[] {
  return [...rates].sort((a, b) => a.dagId.localeCompare(b.dagId));
}

export function sortFailedRuns(runs: FailedRun[]): FailedRun[] {
  return [...runs].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.dagId.localeCompare(b.dagId) || a.runId.localeCompare(b.runId),
  );
}

/** Durations compared to the millisecond (the cache keeps Airflow's float seconds; JSON may round the last digit). */
export function roundSlowest(list: SlowTaskInstance[]): SlowTaskInstance[] {
  return list.map((t) => ({ ...t, durationS: Math.round(t.durationS * 1000) / 1000 }));
}
