import { hoursBefore } from '../../history/run-time';
import type { ParamValues } from './saved-query-def';

/** Defaults for the time parameters of saved queries, from the environments' "now". */
export function queryDefaults(asOf: string): ParamValues {
  return { at: asOf, from: hoursBefore(asOf, 24), since: hoursBefore(asOf, 24), failedSince: hoursBefore(asOf, 7 * 24) };
}
