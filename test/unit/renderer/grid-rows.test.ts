import { describe, expect, it } from 'vitest';
import type { DagGrid, GridTask } from '../../../src-shared/domain/dag-history';
import { mapLookup, rowCell } from '../../../src-renderer/features/dag/grid-row-cells';
import { buildGridRows, noFolding, taskPlace, toggleFold, type GridRow } from '../../../src-renderer/features/dag/grid-rows';

const task = (taskId: string, patch: Partial<GridTask> = {}): GridTask => ({ taskId, group: null, isMapped: false, ...patch });

// Topological order as the grid sends it: a group's tasks need not be adjacent.
const tasks: GridTask[] = [
  task('start'),
  task('extract.orders'),
  task('extract.sub.refunds'),
  task('fan', { isMapped: true }),
  task('extract.customers'),
  task('load_eu', { group: 'load' }),
  task('end'),
];

const labels = (rows: readonly GridRow[]): string[] =>
  rows.map((r) => `${'  '.repeat(r.depth)}${r.kind === 'group' ? `${r.id}/` : r.label}`);

describe('grid rows', () => {
  it('places a task by its dotted id, or by the cached group when the id has no prefix', () => {
    expect(taskPlace(task('a.b.c'))).toEqual({ path: ['a', 'b'], label: 'c' });
    expect(taskPlace(task('load_eu', { group: 'load' }))).toEqual({ path: ['load'], label: 'load_eu' });
    expect(taskPlace(task('load.x', { group: 'load' }))).toEqual({ path: ['load'], label: 'x' });
  });

  it('gathers each group under one row where its first task comes, nested groups inside it', () => {
    expect(labels(buildGridRows(tasks, noFolding, () => undefined))).toEqual([
      'start',
      'extract/',
      '  orders',
      '  extract.sub/',
      '    refunds',
      '  customers',
      'fan',
      'load/',
      '  load_eu',
      'end',
    ]);
  });

  it('a collapsed group is one row; toggling twice restores the rows', () => {
    const rows = buildGridRows(tasks, noFolding, () => undefined);
    const extract = rows.find((r) => r.kind === 'group' && r.id === 'extract');
    if (extract === undefined) throw new Error('no extract group');
    const folded = toggleFold(noFolding, extract, tasks);
    expect(folded.collapsedGroups).toEqual(['extract']);
    const collapsed = buildGridRows(tasks, folded, () => undefined);
    expect(labels(collapsed)).toEqual(['start', 'extract/', 'fan', 'load/', '  load_eu', 'end']);
    expect(collapsed[1]).toMatchObject({ kind: 'group', expanded: false, taskIndexes: [1, 2, 4] });
    expect(buildGridRows(tasks, toggleFold(folded, extract, tasks), () => undefined)).toEqual(rows);
  });

  it('an expanded mapped task gets one row per map index once they are known', () => {
    const fan = buildGridRows(tasks, noFolding, () => undefined).find((r) => r.kind === 'task' && r.mapped);
    if (fan === undefined) throw new Error('no mapped row');
    const folding = toggleFold(noFolding, fan, tasks);
    expect(folding.expandedMapped).toEqual(['fan']);
    expect(labels(buildGridRows(tasks, folding, () => undefined)).filter((l) => l.includes('['))).toEqual([]);
    const rows = buildGridRows(tasks, folding, (id) => (id === 'fan' ? [0, 1, 3] : undefined));
    expect(labels(rows).slice(6, 10)).toEqual(['fan', '  [0]', '  [1]', '  [3]']);
  });

  it('a group row shows the worst state of its tasks per run; a mapped row its count; a map row its own instance', () => {
    const grid: DagGrid = {
      envId: 'demo',
      dagId: 'd',
      tasks,
      runs: [
        {
          runId: 'r1',
          state: 'failed',
          at: null,
          durationS: null,
          version: null,
          versionChanged: false,
          cells: ['success', 'success', 'up_for_retry', 'failed', 'success', null, null],
          tries: [1, 1, 2, 1, 1, 0, 0],
        },
      ],
      mapCounts: { fan: [3] },
      truncated: false,
    };
    const maps = mapLookup([
      {
        taskId: 'fan',
        mapIndexes: [0, 1, 3],
        runs: [{ runId: 'r1', cells: ['success', 'failed', 'success'], tries: [1, 2, 1] }],
        truncated: false,
      },
    ]);
    const rows = buildGridRows(tasks, { collapsedGroups: [], expandedMapped: ['fan'] }, (id) => maps.get(id)?.mapIndexes);
    const find = (label: string): GridRow => rows.find((r) => (r.kind === 'group' ? r.id : r.label) === label) ?? rows[0]!;
    expect(rowCell(grid, find('extract'), 0, maps).state).toBe('up_for_retry');
    expect(rowCell(grid, find('load'), 0, maps).state).toBeNull();
    expect(rowCell(grid, find('fan'), 0, maps)).toEqual({ state: 'failed', tries: 1, mapCount: 3 });
    expect(rowCell(grid, find('[1]'), 0, maps)).toEqual({ state: 'failed', tries: 2 });
  });
});
