export interface PathTask {
  taskId: string;
  /** Latest end of the task's instances (mapped instances fold into one), or null if it never ran. */
  end: string | null;
  /** Earliest start (queue time counts) of the task's instances. */
  start: string | null;
  upstream: readonly string[];
}

/**
 * The chain of tasks that set the run's end: from the task that ended last,
 * step to the upstream task that ended last, until a task has none. Without
 * dependency information, the predecessor is the task that ended last before
 * this one started. Tasks that never started are never on it. Returns task ids from first to last.
 */
export function criticalPath(tasks: readonly PathTask[]): string[] {
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  // Only tasks that ran: Airflow stamps an end on upstream_failed and skipped instances that never started.
  const ended = tasks.filter((t): t is PathTask & { end: string } => t.end !== null && t.start !== null);
  let current = ended.reduce<(PathTask & { end: string }) | null>((best, t) => (best === null || t.end > best.end ? t : best), null);
  const path: string[] = [];
  const visited = new Set<string>();
  while (current !== null && !visited.has(current.taskId)) {
    visited.add(current.taskId);
    path.push(current.taskId);
    const from: PathTask & { end: string } = current;
    const candidates =
      from.upstream.length > 0
        ? from.upstream
            .map((id) => byId.get(id))
            .filter((t): t is PathTask & { end: string } => t !== undefined && t.end !== null && t.start !== null)
        : ended.filter((t) => t.taskId !== from.taskId && from.start !== null && t.end <= from.start);
    current = candidates.reduce<(PathTask & { end: string }) | null>((best, t) => (best === null || t.end > best.end ? t : best), null);
  }
  return path.reverse();
}
