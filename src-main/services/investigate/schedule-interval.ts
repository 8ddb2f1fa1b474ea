const PRESETS: Readonly<Record<string, number>> = {
  '@hourly': 3600,
  '@daily': 86_400,
  '@midnight': 86_400,
  '@weekly': 7 * 86_400,
  '@monthly': 31 * 86_400,
  '@quarterly': 92 * 86_400,
  '@yearly': 366 * 86_400,
  '@annually': 366 * 86_400,
};

const isFixed = (field: string): boolean => /^\d+$/.test(field);
const step = (field: string): number | null => {
  const match = /^\*\/(\d+)$/.exec(field);
  return match?.[1] !== undefined ? Number(match[1]) : null;
};
const listSize = (field: string): number | null => (/^\d+(,\d+)+$/.test(field) ? field.split(',').length : null);

/**
 * The longest gap between two runs of a schedule, in seconds, for the common
 * presets and five-field cron texts; null for asset schedules, timetables and
 * crons it cannot read (those DAGs are never called stale).
 */
export function scheduleIntervalSeconds(schedule: string | null): number | null {
  if (schedule === null) return null;
  const text = schedule.trim();
  const preset = PRESETS[text];
  if (preset !== undefined) return preset;
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  if (month !== '*') return dayOfMonth === '*' ? null : 366 * 86_400;
  if (dayOfMonth !== '*') return isFixed(dayOfMonth) ? 31 * 86_400 : null;
  const weekly = dayOfWeek !== '*' ? (isFixed(dayOfWeek) ? 7 * 86_400 : 3 * 86_400) : null;
  if (!isFixed(minute) && minute !== '*' && step(minute) === null && listSize(minute) === null) return null;
  if (minute === '*' || step(minute) !== null || listSize(minute) !== null) {
    const every = minute === '*' ? 60 : step(minute) !== null ? (step(minute) ?? 1) * 60 : 3600 / (listSize(minute) ?? 1);
    return hour === '*' ? (weekly ?? every) : (weekly ?? 86_400);
  }
  if (hour === '*') return weekly ?? 3600;
  const hourStep = step(hour);
  if (hourStep !== null) return weekly ?? hourStep * 3600;
  const hours = listSize(hour);
  if (hours !== null) return weekly ?? Math.ceil(24 / hours) * 3600;
  return isFixed(hour) ? (weekly ?? 86_400) : null;
}
