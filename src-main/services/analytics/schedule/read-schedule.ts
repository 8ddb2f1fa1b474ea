import { CRON_PRESETS } from './cron-presets';
import { CronSlots } from './cron-slots';
import type { DagSchedule } from './dag-schedule';
import { scheduleZone } from './dag-timezone';
import { timedeltaMs } from './python-timedelta';
import { DeltaSlots, type SlotSequence } from './slot-sequence';

const MANUAL = new Set(['', 'none', 'null', 'never, external triggers only']);
const ASSET = /^(asset|dataset)s?$|^triggered by (assets|datasets)$/i;
const ASSET_OR_TIME = /^(?:asset|dataset|triggered by (?:assets|datasets)) or (.+)$/i;

function hours(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`;
}

/** The slots of a time schedule text (a cron expression, a preset, a timedelta); null when it is not one. */
function timeSlots(text: string, zoneText: string | null): SlotSequence | 'bad_zone' | null {
  const delta = timedeltaMs(text);
  if (delta !== null) return delta > 0 ? new DeltaSlots(delta, `every ${hours(delta)}`) : null;
  const expression = CRON_PRESETS[text] ?? text;
  if (expression.split(/\s+/).length !== 5) return null;
  const zone = scheduleZone(zoneText);
  if (zone === null) return 'bad_zone';
  try {
    return new CronSlots(expression, zone);
  } catch {
    return null;
  }
}

/**
 * Reads a DAG's schedule from what Airflow reports: the timetable summary (Airflow 3) or schedule_interval
 * (Airflow 2, normalised to the same text by the v1 mapper), its timezone and its timetable description.
 */
export function readSchedule(text: string | null, timezone: string | null, description: string | null = null): DagSchedule {
  const summary = (text ?? '').trim();
  const base = { text, zone: scheduleZone(timezone) ?? { utcOffset: 0 } };
  const lower = summary.toLowerCase();
  if (MANUAL.has(lower))
    return {
      ...base,
      kind: 'manual',
      slots: null,
      noClaimReason: 'It has no schedule: it runs only when triggered, so no run is ever due.',
    };
  if (lower === '@once')
    return { ...base, kind: 'once', slots: null, noClaimReason: 'It is scheduled @once: one run, and no slot after it.' };
  if (lower === '@continuous')
    return {
      ...base,
      kind: 'continuous',
      slots: null,
      noClaimReason: 'It is @continuous: each run starts when the previous one ends, so no slot has a fixed time.',
    };
  if (ASSET.test(summary))
    return { ...base, kind: 'asset', slots: null, noClaimReason: 'It runs when its assets are updated, not at fixed times.' };
  const assetOr = ASSET_OR_TIME.exec(summary);
  const slots = timeSlots(assetOr?.[1]?.trim() ?? summary, timezone);
  if (slots === 'bad_zone') {
    return {
      ...base,
      kind: 'unknown',
      slots: null,
      noClaimReason: `Its timezone ${JSON.stringify(timezone)} is not one this app knows, so its slot times cannot be computed.`,
    };
  }
  if (slots !== null)
    return { ...base, kind: assetOr ? 'asset_or_time' : slots instanceof DeltaSlots ? 'delta' : 'cron', slots, noClaimReason: null };
  const shown = description ?? summary;
  return {
    ...base,
    kind: 'unknown',
    slots: null,
    noClaimReason: `Its schedule (${JSON.stringify(shown.slice(0, 120))}) is a custom timetable this app cannot read, so no run is called missed or late.`,
  };
}
