export interface TaskNode {
  taskId: string;
  downstream: readonly string[];
}

/**
 * Tasks in dependency order (upstream first), ties broken by the order given;
 * tasks in a cycle or unknown to the graph keep their given order at the end.
 */
export function topologicalOrder(tasks: readonly TaskNode[]): string[] {
  const indegree = new Map(tasks.map((t) => [t.taskId, 0]));
  for (const t of tasks) for (const d of t.downstream) if (indegree.has(d)) indegree.set(d, (indegree.get(d) ?? 0) + 1);
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const ready = tasks.filter((t) => indegree.get(t.taskId) === 0).map((t) => t.taskId);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() ?? '';
    order.push(id);
    for (const d of byId.get(id)?.downstream ?? []) {
      const left = (indegree.get(d) ?? 0) - 1;
      indegree.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  const placed = new Set(order);
  return [...order, ...tasks.map((t) => t.taskId).filter((id) => !placed.has(id))];
}
