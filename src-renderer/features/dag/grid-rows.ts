import type { GridTask } from '../../../src-shared/domain/dag-history';

/** A row of the grid: a task group, a task (a mapped one summarising its map indexes), or one map index of an expanded mapped task. */
export type GridRow =
  | { kind: 'group'; id: string; label: string; depth: number; expanded: boolean; taskIndexes: readonly number[] }
  | { kind: 'task'; taskIndex: number; label: string; depth: number; mapped: boolean; expanded: boolean }
  | { kind: 'map'; taskIndex: number; mapIndex: number; mapColumn: number; label: string; depth: number };

/** What the user folded: collapsed group ids (`group.sub`) and expanded mapped task ids. */
export interface GridFolding {
  collapsedGroups: readonly string[];
  expandedMapped: readonly string[];
}

export const noFolding: GridFolding = { collapsedGroups: [], expandedMapped: [] };

/**
 * Where a task sits: its group path and its own label. Airflow names a task in a group `group.sub.task`;
 * a cache that knows the group (`task_group`) without the prefix in the id gives it as is.
 */
export function taskPlace(task: GridTask): { path: string[]; label: string } {
  if (task.group !== null && task.group !== '') {
    const prefix = `${task.group}.`;
    return { path: task.group.split('.'), label: task.taskId.startsWith(prefix) ? task.taskId.slice(prefix.length) : task.taskId };
  }
  const parts = task.taskId.split('.');
  return { path: parts.slice(0, -1), label: parts[parts.length - 1] ?? task.taskId };
}

interface GroupNode {
  id: string;
  label: string;
  children: (GroupNode | number)[];
}

/** Groups in the order their first task comes (the tasks' topological order), tasks inside them in that order too. */
function groupTree(tasks: readonly GridTask[]): GroupNode {
  const root: GroupNode = { id: '', label: '', children: [] };
  const nodes = new Map<string, GroupNode>([['', root]]);
  tasks.forEach((task, index) => {
    let parent = root;
    for (const part of taskPlace(task).path) {
      const id = parent.id === '' ? part : `${parent.id}.${part}`;
      let node = nodes.get(id);
      if (node === undefined) {
        node = { id, label: part, children: [] };
        nodes.set(id, node);
        parent.children.push(node);
      }
      parent = node;
    }
    parent.children.push(index);
  });
  return root;
}

function descendants(node: GroupNode): number[] {
  return node.children.flatMap((child) => (typeof child === 'number' ? [child] : descendants(child)));
}

/**
 * The grid's rows for a folding: groups expanded unless collapsed, mapped tasks folded into one row unless
 * expanded and their map indexes known (`mapIndexesOf`). Pure, so the canvas, the keyboard and the tests agree.
 */
export function buildGridRows(
  tasks: readonly GridTask[],
  folding: GridFolding,
  mapIndexesOf: (taskId: string) => readonly number[] | undefined,
): GridRow[] {
  const collapsed = new Set(folding.collapsedGroups);
  const expanded = new Set(folding.expandedMapped);
  const rows: GridRow[] = [];
  const walk = (node: GroupNode, depth: number): void => {
    for (const child of node.children) {
      if (typeof child !== 'number') {
        const open = !collapsed.has(child.id);
        rows.push({ kind: 'group', id: child.id, label: child.label, depth, expanded: open, taskIndexes: descendants(child) });
        if (open) walk(child, depth + 1);
        continue;
      }
      const task = tasks[child];
      if (task === undefined) continue;
      const open = task.isMapped && expanded.has(task.taskId);
      const mapIndexes = open ? mapIndexesOf(task.taskId) : undefined;
      rows.push({ kind: 'task', taskIndex: child, label: taskPlace(task).label, depth, mapped: task.isMapped, expanded: open });
      mapIndexes?.forEach((mapIndex, mapColumn) =>
        rows.push({ kind: 'map', taskIndex: child, mapIndex, mapColumn, label: `[${mapIndex}]`, depth: depth + 1 }),
      );
    }
  };
  walk(groupTree(tasks), 0);
  return rows;
}

/** A fold list with `id` added, or removed when it was there. */
export const flip = (list: readonly string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Flips a group's or a mapped task's fold; returns a new folding. */
export function toggleFold(folding: GridFolding, row: GridRow, tasks: readonly GridTask[]): GridFolding {
  if (row.kind === 'group') return { ...folding, collapsedGroups: flip(folding.collapsedGroups, row.id) };
  const task = tasks[row.taskIndex];
  if (row.kind === 'task' && row.mapped && task !== undefined)
    return { ...folding, expandedMapped: flip(folding.expandedMapped, task.taskId) };
  return folding;
}

/** Whether a row folds (click, Enter or Space toggles it instead of opening a task instance). */
export const isFoldable = (row: GridRow | undefined): boolean =>
  row !== undefined && (row.kind === 'group' || (row.kind === 'task' && row.mapped));
