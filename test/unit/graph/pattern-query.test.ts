import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import { sharedErrorPatterns } from '../../../src-main/services/graph/queries/pattern-queries';
import { fixtureCache } from './graph-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('saved query: tasks failing with the same error pattern across DAGs', () => {
  it('lists each task of a pattern seen in two DAGs, and leaves out a pattern of one DAG', () => {
    const f = fixtureCache();
    cleanups.push(f.cleanup);
    const answer = sharedErrorPatterns.answer(buildGraph(f.db), { failedSince: '2026-03-09T00:00:00.000Z' });
    const template = 'ConnectionRefusedError: [Errno 111] Connection refused to <*>:<*>';
    expect(answer).toEqual({
      columns: ['envId', 'patternId', 'template', 'dags', 'dagId', 'taskId', 'failures'],
      rows: [
        ['prod', 'p1', template, 2, 'ingest', 'load', 1],
        ['prod', 'p1', template, 2, 'mart', 'build', 1],
      ],
    });
  });

  it('counts only failures since the given time', () => {
    const f = fixtureCache();
    cleanups.push(f.cleanup);
    expect(sharedErrorPatterns.answer(buildGraph(f.db), { failedSince: '2026-03-10T10:10:00.000Z' }).rows).toEqual([]);
  });
});
