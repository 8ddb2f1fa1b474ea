/** Where a schedule's wall clock lives: an IANA zone, or a fixed offset from UTC in minutes. */
export type ScheduleZone = { readonly timezone: string } | { readonly utcOffset: number };

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z', 'Universal', 'Zulu']);

function isIana(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A DAG's timezone as Airflow reports it (`UTC`, `Europe/Berlin`, Airflow 2's `Timezone('UTC')`, a fixed `+01:00`);
 * null when it names no zone this runtime knows (then no slot is computed, rather than a wrong one).
 */
export function scheduleZone(text: string | null): ScheduleZone | null {
  const raw = (text ?? 'UTC').trim();
  const name = /^Timezone\(['"](.+)['"]\)$/.exec(raw)?.[1] ?? raw;
  if (name === '' || UTC_NAMES.has(name)) return { utcOffset: 0 };
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(name);
  if (fixed) return { utcOffset: (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) };
  return isIana(name) ? { timezone: name } : null;
}

/** The zone's name for texts: `UTC`, `Europe/Berlin`, `UTC+01:00`. */
export function zoneName(zone: ScheduleZone): string {
  if ('timezone' in zone) return zone.timezone;
  if (zone.utcOffset === 0) return 'UTC';
  const a = Math.abs(zone.utcOffset);
  return `UTC${zone.utcOffset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
