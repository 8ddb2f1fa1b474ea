import type Database from 'better-sqlite3';

/** Maps row fields to columns; names are fixed in code, never taken from input. */
export interface UpsertSpec<R> {
  readonly table: string;
  readonly key: readonly (keyof R & string)[];
  readonly columns: Readonly<Record<keyof R & string, string>>;
  /** Converts a field's value to what SQLite stores (booleans, arrays). */
  readonly encode?: Partial<Record<keyof R & string, (value: never) => unknown>>;
  /**
   * Fields Airflow changes without the object changing (e.g. a DAG's last parse
   * time): written with the row, but a difference in them alone is not a change.
   */
  readonly volatile?: readonly (keyof R & string)[];
  /** Fields another call fills in (e.g. DAG params from its details): a null here keeps what is stored. */
  readonly keepWhenNull?: readonly (keyof R & string)[];
  /** Extra columns computed per write, e.g. synced_at. */
  readonly stamp?: Readonly<Record<string, () => string>>;
}

export interface Upsert<R> {
  /** Writes one row; returns 1 when the row was inserted or changed, 0 when identical. */
  run(row: R): number;
}

/**
 * Builds an `INSERT ... ON CONFLICT DO UPDATE ... WHERE changed` statement,
 * so re-writing identical rows changes nothing (and counts nothing).
 */
export function prepareUpsert<R>(db: Database.Database, spec: UpsertSpec<R>): Upsert<R> {
  const fields = Object.keys(spec.columns) as (keyof R & string)[];
  const cols = fields.map((f) => spec.columns[f]);
  const keyCols = spec.key.map((f) => spec.columns[f]);
  const valueCols = fields.filter((f) => !spec.key.includes(f)).map((f) => spec.columns[f]);
  const stampCols = Object.keys(spec.stamp ?? {});
  const stamps = stampCols.map((c) => spec.stamp?.[c] ?? (() => null));
  const insertCols = [...cols, ...stampCols];
  const keep = new Set((spec.keepWhenNull ?? []).map((f) => spec.columns[f]));
  const set = [...valueCols, ...stampCols].map((c) =>
    keep.has(c) ? `${c} = COALESCE(excluded.${c}, ${spec.table}.${c})` : `${c} = excluded.${c}`,
  );
  const volatile = new Set((spec.volatile ?? []).map((f) => spec.columns[f]));
  const changed = valueCols
    .filter((c) => !volatile.has(c))
    .map((c) =>
      keep.has(c) ? `(excluded.${c} IS NOT NULL AND ${spec.table}.${c} IS NOT excluded.${c})` : `${spec.table}.${c} IS NOT excluded.${c}`,
    );
  const sql =
    `INSERT INTO ${spec.table} (${insertCols.join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${keyCols.join(', ')}) DO ` +
    (valueCols.length === 0 ? 'NOTHING' : `UPDATE SET ${set.join(', ')} WHERE ${changed.join(' OR ')}`);
  const statement = db.prepare(sql);
  const encoders: Partial<Record<string, (value: never) => unknown>> = spec.encode ?? {};
  const encode = fields.map((f) => encoders[f] as ((v: unknown) => unknown) | undefined);
  // Positional parameters in a reused array: no per-row object, which roughly doubles ingest speed.
  const params: unknown[] = new Array(insertCols.length);
  return {
    run(row: R): number {
      for (let i = 0; i < fields.length; i++) {
        const value = row[fields[i] as keyof R] as unknown;
        const enc = encode[i];
        params[i] = enc ? enc(value) : value;
      }
      for (let j = 0; j < stamps.length; j++) params[fields.length + j] = stamps[j]?.();
      return statement.run(params).changes;
    },
  };
}

export const asFlag = (value: boolean): number => (value ? 1 : 0);
export const asJson = (value: unknown): string => JSON.stringify(value);
