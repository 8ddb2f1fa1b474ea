import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { confIssues, defaultConf, parseDagParams } from '../../../src-shared/domain/dag-params';
import { assertTriggerConf, dagParams } from '../../../src-main/services/actions/trigger-conf';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { EXTRA_FIELD, initialDraft, readDraft } from '../../../src-renderer/features/actions/trigger-conf-form';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** `/dags/orc_params/details` params as Airflow 2.11 serialises them (v1). */
const V1_PARAMS = {
  rows: {
    __class: 'airflow.models.param.Param',
    value: 10,
    description: 'How many rows to load',
    schema: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  mode: {
    __class: 'airflow.models.param.Param',
    value: 'full',
    description: null,
    schema: { type: 'string', enum: ['full', 'incremental'] },
  },
  dry: { __class: 'airflow.models.param.Param', value: false, description: null, schema: { type: 'boolean' } },
};
/** The same as Airflow 3 serialises them (v2). */
const V2_PARAMS = {
  rows: { value: 10, description: 'How many rows to load', schema: { type: 'integer', minimum: 1, maximum: 1000 }, source: 'dag' },
  mode: { value: 'full', description: null, schema: { type: 'string', enum: ['full', 'incremental'] }, source: 'dag' },
  dry: { value: false, description: null, schema: { type: 'boolean' }, source: 'dag' },
};

describe('trigger conf against DAG params', () => {
  it('reads Airflow 2 and Airflow 3 serialised params, and plain defaults', () => {
    for (const raw of [V1_PARAMS, V2_PARAMS]) {
      const params = parseDagParams(JSON.stringify(raw));
      expect(params.map((p) => p.name)).toEqual(['rows', 'mode', 'dry']);
      expect(params[0]).toMatchObject({
        default: 10,
        description: 'How many rows to load',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      });
      expect(defaultConf(params)).toEqual({ rows: 10, mode: 'full', dry: false });
    }
    expect(parseDagParams('{"full_refresh": false, "lookback_days": 3}')).toEqual([
      { name: 'full_refresh', default: false, hasDefault: true, description: null, schema: {} },
      { name: 'lookback_days', default: 3, hasDefault: true, description: null, schema: {} },
    ]);
    expect(parseDagParams('not json')).toEqual([]);
    expect(parseDagParams(null)).toEqual([]);
  });

  it('accepts the defaults and a conf that fits, with undeclared keys passing through', () => {
    const params = parseDagParams(JSON.stringify(V2_PARAMS));
    expect(confIssues(params, {})).toEqual([]);
    expect(confIssues(params, { rows: 1000, mode: 'incremental', dry: true, extra: [1, 2] })).toEqual([]);
  });

  it('names the param and the rule each value breaks: type, enum, minimum, maximum, required', () => {
    const params = parseDagParams(JSON.stringify(V1_PARAMS));
    expect(confIssues(params, { rows: 0 })).toEqual([{ param: 'rows', message: 'must be at least 1' }]);
    expect(confIssues(params, { rows: 1001 })).toEqual([{ param: 'rows', message: 'must be at most 1000' }]);
    expect(confIssues(params, { rows: 2.5 })).toEqual([{ param: 'rows', message: 'must be integer, not number' }]);
    expect(confIssues(params, { rows: '10' })).toEqual([{ param: 'rows', message: 'must be integer, not string' }]);
    expect(confIssues(params, { mode: 'partial' })).toEqual([{ param: 'mode', message: 'must be one of "full", "incremental"' }]);
    expect(confIssues(params, { rows: null, dry: 'yes' })).toEqual([
      { param: 'rows', message: 'is required' },
      { param: 'dry', message: 'must be boolean, not string' },
    ]);
    const required = parseDagParams(
      JSON.stringify({ table: { value: null, description: null, schema: { type: 'string', minLength: 3, pattern: '^[a-z_]+$' } } }),
    );
    expect(confIssues(required, {})).toEqual([{ param: 'table', message: 'is required' }]);
    expect(confIssues(required, { table: 'ab' })).toEqual([{ param: 'table', message: 'must be at least 3 characters' }]);
    expect(confIssues(required, { table: 'Orders' })).toEqual([{ param: 'table', message: 'must match the pattern ^[a-z_]+$' }]);
    const nullable = parseDagParams(
      JSON.stringify({ since: { value: null, description: null, schema: { type: ['null', 'string'], format: 'date' } } }),
    );
    expect(confIssues(nullable, {})).toEqual([]);
    expect(confIssues(nullable, { since: '2024-13' })).toEqual([{ param: 'since', message: 'must be a date (YYYY-MM-DD)' }]);
    const list = parseDagParams(
      JSON.stringify({ ids: { value: [], description: null, schema: { type: 'array', items: { type: 'integer' }, maxItems: 2 } } }),
    );
    expect(confIssues(list, { ids: [1, 'x'] })).toEqual([{ param: 'ids', message: 'item 2 must be integer, not string' }]);
    expect(confIssues(list, { ids: [1, 2, 3] })).toEqual([{ param: 'ids', message: 'must have at most 2 items' }]);
  });

  it('reads the dialog fields into a conf, with each error beside its field', () => {
    const params = parseDagParams(JSON.stringify(V2_PARAMS));
    const draft = initialDraft(params, { source: 'copilot' });
    expect(draft.fields).toEqual({ rows: '10', mode: '"full"', dry: 'false' });
    expect(readDraft(params, draft)).toEqual({ ok: true, conf: { source: 'copilot', rows: 10, mode: 'full', dry: false } });
    expect(readDraft(params, { ...draft, fields: { ...draft.fields, rows: 'ten' } })).toEqual({
      ok: false,
      errors: { rows: 'is not a number' },
    });
    expect(readDraft(params, { ...draft, fields: { ...draft.fields, rows: '5000' }, extra: '{"a":' })).toEqual({
      ok: false,
      errors: { rows: 'must be at most 1000', [EXTRA_FIELD]: 'is not valid JSON' },
    });
    expect(readDraft(params, { ...draft, extra: '[1]' })).toMatchObject({
      ok: false,
      errors: { [EXTRA_FIELD]: 'must be a JSON object ({ … })' },
    });
  });

  it('refuses, in the engine, a trigger whose conf breaks the synced params', () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const { db } = openCache(join(t.dir, 'cache.sqlite'));
    cleanups.push(() => db.close());
    db.prepare(
      "INSERT INTO environments (id, name, kind, color, created_at) VALUES ('stg', 'Staging', 'airflow3', '#16a34a', '2026-01-01T00:00:00Z')",
    ).run();
    db.prepare("INSERT INTO dags (env_id, dag_id, params_json) VALUES ('stg', 'orc_params', ?)").run(JSON.stringify(V2_PARAMS));
    expect(dagParams(db, 'stg', 'orc_params').map((p) => p.name)).toEqual(['rows', 'mode', 'dry']);
    const trigger = (conf: Record<string, unknown>) => [{ kind: 'trigger_dag' as const, dagId: 'orc_params', conf }];
    expect(() => assertTriggerConf(db, 'stg', trigger({ rows: 5 }))).not.toThrow();
    expect(() => assertTriggerConf(db, 'stg', trigger({ rows: 0, mode: 'x' }))).toThrow(ApiError);
    expect(() => assertTriggerConf(db, 'stg', trigger({ rows: 0, mode: 'x' }))).toThrow(
      /rows must be at least 1; mode must be one of "full", "incremental"\. Nothing was sent/,
    );
    expect(() => assertTriggerConf(db, 'stg', [{ kind: 'trigger_dag', dagId: 'not_synced', conf: { any: 1 } }])).not.toThrow();
  });
});
