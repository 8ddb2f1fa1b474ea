import type { Citation } from '../../../src-shared/domain/copilot';
import { formatRoute } from '../routing/route';

/** Where a citation leads: the run on the Runs page, with the task, try and log line it names. */
export function citationHref(c: Citation): string {
  return formatRoute('runs', {
    dag: c.dagId,
    run: c.runId ?? undefined,
    task: c.taskId ?? undefined,
    try: c.tryNumber === null ? undefined : String(c.tryNumber),
    line: c.line === null ? undefined : String(c.line),
  });
}
