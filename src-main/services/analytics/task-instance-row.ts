import { packedTimesSql } from './packed-times';

/**
 * The query that reads task instances for scoring, and the decoding of its rows. Each column handed from SQLite to
 * JavaScript costs about as much as parsing a time, so a row carries few: state, try number and map index packed
 * in one number, and the three times in one string (packed-times.ts). Values the packing cannot hold exactly come
 * as text instead (decoded the slow way), so what is read is always what is stored.
 */

export const STATE_SUCCESS = 0;
export const STATE_FAILED = 1;
export const STATE_UPSTREAM_FAILED = 2;

const STATE = `CASE state WHEN 'success' THEN 0 WHEN 'failed' THEN 1 ELSE 2 END`;
/** try_number < 2^20 and map_index + 1 < 2^31: ((map_index + 1) * 2^20 + try_number) * 4 + state stays below 2^53. */
const PACKED = `CASE WHEN try_number BETWEEN 0 AND 1048575 AND map_index BETWEEN -1 AND 2147483646
  THEN ((map_index + 1) * 1048576 + try_number) * 4 + ${STATE}
  ELSE json_array(${STATE}, try_number, map_index) END`;

/**
 * Successful and failed instances that started, and those left upstream_failed, in the table's own order (NOT
 * INDEXED: a walk of an index would look each row up in the table; the loader orders each task's rows itself).
 */
export const taskInstanceSql = (rowid: boolean): string => `
SELECT dag_id, task_id, run_id, ${PACKED}, ${packedTimesSql(['start_date', 'end_date', 'queued_at'])}, duration_s, hostname, ${rowid ? 'rowid' : 'NULL'}
FROM task_instances NOT INDEXED
WHERE env_id = ? AND (state IN ('success', 'failed') AND start_date IS NOT NULL OR state = 'upstream_failed')`;

export type TaskInstanceRaw = [
  dagId: string,
  taskId: string,
  runId: string,
  packed: number | string,
  times: string,
  durationS: number | null,
  hostname: string | null,
  rowid: number | null,
];

/** State, try number and map index of a row's packed column. */
export interface Packed {
  state: number;
  tryNumber: number;
  mapIndex: number;
}

export function unpack(packed: number | string, into: Packed): Packed {
  if (typeof packed === 'number') {
    into.state = packed % 4;
    const rest = (packed - into.state) / 4;
    into.tryNumber = rest % 1_048_576;
    into.mapIndex = (rest - into.tryNumber) / 1_048_576 - 1;
  } else {
    [into.state, into.tryNumber, into.mapIndex] = JSON.parse(packed) as [number, number, number];
  }
  return into;
}
