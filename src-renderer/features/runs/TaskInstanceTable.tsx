import type { TaskInstanceSummary } from '../../../src-shared/domain/history';
import { taskHref } from '../../platform/routing/investigate-links';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';

function taskLabel(task: TaskInstanceSummary): string {
  return task.mapIndex >= 0 ? `${task.taskId} [${task.mapIndex}]` : task.taskId;
}

/**
 * "2 of 3": the try this instance is at, of the tries Airflow allows it (its max_tries, the retries, plus the first
 * try); an instance that never ran has no try.
 */
export function tryText(task: Pick<TaskInstanceSummary, 'tryNumber' | 'maxTries'>): { text: string; title: string } {
  if (task.tryNumber <= 0) return { text: '—', title: 'Never ran' };
  const allowed = Math.max(task.tryNumber, task.maxTries + 1);
  return {
    text: `${task.tryNumber} of ${allowed}`,
    title: `Try ${task.tryNumber}; Airflow allows ${allowed} (${task.maxTries} ${task.maxTries === 1 ? 'retry' : 'retries'})`,
  };
}

/** Task instances of one run in start order; each task opens its tries and logs. */
export function TaskInstanceTable({ tasks, envId }: { tasks: readonly TaskInstanceSummary[]; envId: string }) {
  if (tasks.length === 0) return <p className="table-empty">This run has no task instances.</p>;
  const ordered = [...tasks].sort((a, b) => (a.startDate ?? '9').localeCompare(b.startDate ?? '9') || a.taskId.localeCompare(b.taskId));
  return (
    <table className="data-table task-table">
      <caption className="visually-hidden">Task instances</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col" className="col-state">
            State
          </th>
          <th scope="col" className="num col-try">
            Try
          </th>
          <th scope="col" className="num col-duration">
            Duration
          </th>
          <th scope="col" className="col-start">
            Start
          </th>
          <th scope="col" className="col-host">
            Host
          </th>
          <th scope="col" className="col-operator">
            Operator
          </th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((task) => (
          <tr key={`${task.taskId}\u0000${task.mapIndex}`}>
            <td className="mono truncate" title={taskLabel(task)}>
              <a href={taskHref(envId, task.dagId, task.runId, task.taskId, task.mapIndex)}>{taskLabel(task)}</a>
            </td>
            <td>
              <StateBadge state={task.state} />
            </td>
            <td className={`num${task.tryNumber > 1 ? ' count-warn' : ''}`} title={tryText(task).title}>
              {tryText(task).text}
            </td>
            <td className="num">{formatDuration(task.durationS)}</td>
            <td className="muted mono" title={task.startDate !== null ? formatAbsolute(task.startDate) : undefined}>
              {task.startDate !== null ? formatAbsolute(task.startDate).slice(11, 19) : '—'}
            </td>
            <td className="truncate muted" title={task.hostname ?? ''}>
              {task.hostname ?? '—'}
            </td>
            <td className="truncate muted" title={task.operator ?? ''}>
              {task.operator ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
