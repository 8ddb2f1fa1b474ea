import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleDraft } from '../../../src-shared/domain/rules';
import { RulesFile } from '../../../src-shared/domain/rules';
import { openCache, type OpenedCache } from '../../../src-main/services/cache/open-cache';
import { RuleStore } from '../../../src-main/services/rules/rule-store';
import { makeTempDir } from '../temp-dir';

const RULE: RuleDraft = {
  name: 'Orders failing',
  enabled: true,
  envId: 'prod',
  dagId: 'orders_daily',
  taskId: null,
  condition: { kind: 'dag_failed_in_a_row', runs: 3 },
  notify: { inApp: true, desktop: false, slack: true },
  action: 'pause_dag',
};

describe('RuleStore: rules as versioned, exportable data', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let caches: OpenedCache[];
  const open = (name: string): RuleStore => {
    const cache = openCache(join(temp.dir, name));
    caches.push(cache);
    return new RuleStore(cache.db);
  };
  beforeEach(() => {
    temp = makeTempDir('orc-rules-');
    caches = [];
  });
  afterEach(() => {
    for (const c of caches) c.db.close();
    temp.cleanup();
  });

  it('versions each changed save and keeps identical saves as they are', () => {
    const store = open('a.sqlite');
    const v1 = store.save(RULE, null);
    expect(v1.version).toBe(1);
    expect(store.save(RULE, v1.ruleId).version).toBe(1);
    const v2 = store.save({ ...RULE, condition: { kind: 'dag_failed_in_a_row', runs: 2 } }, v1.ruleId);
    expect(v2).toMatchObject({ ruleId: v1.ruleId, version: 2, condition: { runs: 2 } });
    expect(store.versions(v1.ruleId).map((v) => v.version)).toEqual([1, 2]);
    expect(store.remove(v1.ruleId)).toBe(true);
    expect(store.list()).toEqual([]);
  });

  it('round-trips through an exported JSON file into another cache', () => {
    const from = open('a.sqlite');
    from.save(RULE, null);
    from.save(
      { ...RULE, name: 'Risky', envId: null, dagId: null, condition: { kind: 'failure_probability', above: 0.8 }, action: 'none' },
      null,
    );
    const text = JSON.stringify(from.exportFile());
    const to = open('b.sqlite');
    expect(to.importFile(RulesFile.parse(JSON.parse(text)))).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const strip = (rules: ReturnType<RuleStore['list']>) =>
      rules.map(({ updatedAt: _u, ...r }) => r).sort((a, b) => a.ruleId.localeCompare(b.ruleId));
    expect(strip(to.list())).toEqual(strip(from.list()));
    expect(to.importFile(RulesFile.parse(JSON.parse(text)))).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const file = RulesFile.parse(JSON.parse(text));
    const changed = {
      ...file,
      rules: file.rules.map((r) => (r.name === 'Risky' ? { ...r, condition: { kind: 'failure_probability' as const, above: 0.9 } } : r)),
    };
    expect(to.importFile(changed)).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(to.list().find((r) => r.name === 'Risky')).toMatchObject({ version: 2, condition: { above: 0.9 } });
  });
});
