import type Database from 'better-sqlite3';

/** Maps row fields to columns; names are fixed in code, never taken from input. */
export interface UpsertSpec<R> {
  readonly table: string;
  readonly key: readonly (keyof R & string)[];
  readonly columns: Readonly<Record<keyof R & string, string>>;
  /** Converts a field's value to what SQLite stores (booleans, arrays). */
  readonly encode?: Partial<Record<keyof R & string, (value: never) => unknown>>;
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
  const insertCols = [...cols, ...stampCols];
  const insertVals = [...fields.map((f) => `@${f}`), ...stampCols.map((c) => `@__stamp_${c}`)];
  const set = [...valueCols.map((c) => `${c} = excluded.${c}`), ...stampCols.map((c) => `${c} = excluded.${c}`)];
  const changed = valueCols.map((c) => `${spec.table}.${c} IS NOT excluded.${c}`);
  const sql =
    `INSERT INTO ${spec.table} (${insertCols.join(', ')}) VALUES (${insertVals.join(', ')}) ` +
    `ON CONFLICT (${keyCols.join(', ')}) DO ` +
    (valueCols.length === 0 ? 'NOTHING' : `UPDATE SET ${set.join(', ')} WHERE ${changed.join(' OR ')}`);
  const statement = db.prepare(sql);
  const encoders: Partial<Record<string, (value: never) => unknown>> = spec.encode ?? {};
  return {
    run(row: R): number {
      const params: Record<string, unknown> = {};
      for (const f of fields) {
        const value = row[f] as unknown;
        const encode = encoders[f] as ((v: unknown) => unknown) | undefined;
        params[f] = encode ? encode(value) : value;
      }
      for (const c of stampCols) params[`__stamp_${c}`] = spec.stamp?.[c]?.();
      return statement.run(params).changes;
    },
  };
}

export const asFlag = (value: boolean): number => (value ? 1 : 0);
export const asJson = (value: unknown): string => JSON.stringify(value);
