import type { AirflowApiVersion } from '../../../../src-shared/domain/connection-result';

/** Leading `major.minor` of an Airflow version string (`3.3.2`, `2.11.0+astro.1`, `3.1.0rc1`). */
export function parseMajorMinor(version: string): { major: number; minor: number } | null {
  const m = /^\s*v?(\d+)\.(\d+)/.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** Airflow 3.x on /api/v2, Airflow 2.7+ on /api/v1 (updated_at filters, tries on 2.10+). */
export function isSupportedVersion(apiVersion: AirflowApiVersion, version: string): boolean {
  const v = parseMajorMinor(version);
  if (v === null) return false;
  return apiVersion === 'v2' ? v.major === 3 : v.major === 2 && v.minor >= 7;
}
