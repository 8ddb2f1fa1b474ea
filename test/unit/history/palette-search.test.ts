import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { PaletteSearch } from '../../../src-main/services/palette/palette-search';
import { queryWords } from '../../../src-main/services/palette/query-words';
import { hitItem } from '../../../src-renderer/features/palette/palette-items';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

describe('the palette finds DAGs, tasks, error patterns, assets and runs by partial words', () => {
  let g: Generated;
  let search: PaletteSearch;
  beforeAll(async () => {
    g = generate({ dags: 12, days: 20, seed: 20261122 });
    await new AnalyticsService(g.db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
    search = new PaletteSearch(g.db);
  }, 60_000);
  afterAll(() => g.dispose());

  const one = <T>(sql: string): T => g.db.prepare(sql).get() as T;

  it('splits a query into words at spaces and id separators', () => {
    expect(queryWords('Returns  snap')).toEqual(['returns', 'snap']);
    expect(queryWords('transform_returns')).toEqual(['transform', 'returns']);
    expect(queryWords('a.b/c:d-e f g h i')).toEqual(['a', 'b', 'c', 'd']);
    expect(search.search('  _-  ', undefined, 20)).toEqual([]);
  });

  it('finds a DAG from two partial words in any order, and a task by its id with the DAG it belongs to', () => {
    const dag = one<{ dag_id: string }>("SELECT dag_id FROM dags WHERE dag_id LIKE '%\\_%' ESCAPE '\\' ORDER BY dag_id LIMIT 1").dag_id;
    const [a = '', b = ''] = dag.split('_');
    const byWords = search.search(`${b.slice(0, 4)} ${a.slice(0, 3)}`, undefined, 50);
    expect(byWords.some((h) => h.kind === 'dag' && h.dagId === dag)).toBe(true);
    const task = one<{ dag_id: string; task_id: string }>(
      "SELECT dag_id, task_id FROM tasks WHERE task_id LIKE '%\\_%' ESCAPE '\\' ORDER BY task_id LIMIT 1",
    );
    const hits = search.search(task.task_id, 'demo', 50);
    const found = hits.find((h) => h.kind === 'task' && h.taskId === task.task_id && h.dagId === task.dag_id);
    expect(found, JSON.stringify(hits.slice(0, 5))).toBeDefined();
    expect(hitItem(found!).href).toContain(`task=${encodeURIComponent(task.task_id)}`);
  });

  it('finds an error pattern by a word of its exception or message, and an asset by a word of its URI', () => {
    const pattern = one<{ pattern_id: string; exception: string }>(
      "SELECT pattern_id, exception FROM error_patterns WHERE env_id = 'demo' AND exception <> '' LIMIT 1",
    );
    const word = queryWords(pattern.exception).find((w) => w.length >= 4) ?? pattern.exception;
    const hit = search.search(word.slice(0, 6), 'demo', 50).find((h) => h.kind === 'pattern' && h.patternId === pattern.pattern_id);
    expect(hit).toBeDefined();
    expect(hitItem(hit!).href).toContain('tab=patterns');
    const asset = one<{ uri: string } | undefined>("SELECT uri FROM assets WHERE env_id = 'demo' LIMIT 1");
    if (asset) {
      const tail = queryWords(asset.uri).at(-1) ?? '';
      expect(search.search(tail, 'demo', 50).some((h) => h.kind === 'asset' && h.uri === asset.uri)).toBe(true);
    }
  });

  it('treats LIKE wildcards in the query as text', () => {
    expect(search.search('%', undefined, 50)).toEqual([]);
    expect(search.search('_', undefined, 50)).toEqual([]);
  });
});
