import type { GaugeFigure, PrometheusFigures } from '../../../src-shared/domain/monitoring';
import { formatCount, formatMs } from './format-monitoring';

function Gauge({ label, figure, id, bad = false }: { label: string; figure: GaugeFigure; id: string; bad?: boolean }) {
  const alarming = bad && figure.value !== null && figure.value > 0;
  return (
    <li
      className={`stat-tile${alarming ? ' stat-bad' : ''}`}
      data-figure={id}
      title={figure.metrics.length > 0 ? `From ${figure.metrics.join(', ')}` : 'No such metric in Prometheus'}
    >
      <span className="stat-label">{label}</span>
      <span className="stat-value">{figure.value === null ? '—' : formatCount(figure.value)}</span>
    </li>
  );
}

/** Executor slots, starving tasks, import errors and the schedule delay: what is holding Airflow back. */
export function FigureTiles({ figures }: { figures: PrometheusFigures }) {
  const delay = figures.scheduleDelay;
  const delayText = delay.meanMs !== null ? formatMs(delay.meanMs) : delay.latestMs !== null ? formatMs(delay.latestMs) : '—';
  const delayNote =
    delay.meanMs !== null
      ? `mean of ${formatCount(delay.runs ?? 0)} run${delay.runs === 1 ? '' : 's'}, ${figures.windowMinutes} min`
      : delay.latestMs !== null
        ? 'latest'
        : `no runs in ${figures.windowMinutes} min`;
  return (
    <ul className="monitoring-tiles" aria-label="Executor and scheduler">
      <Gauge label="Executor open slots" figure={figures.executor.openSlots} id="open-slots" />
      <Gauge label="Queued tasks" figure={figures.executor.queuedTasks} id="queued-tasks" />
      <Gauge label="Running tasks" figure={figures.executor.runningTasks} id="running-tasks" />
      <Gauge label="Starving tasks" figure={figures.starvingTasks} id="starving-tasks" bad />
      <Gauge label="DAG import errors" figure={figures.importErrors} id="import-errors" bad />
      <li
        className="stat-tile"
        data-figure="schedule-delay"
        title={delay.metrics.length > 0 ? `From ${delay.metrics.join(', ')}` : 'No schedule-delay metric in Prometheus'}
      >
        <span className="stat-label">Schedule delay</span>
        <span className="stat-value">{delayText}</span>
        <span className="beat-meta muted">{delayNote}</span>
      </li>
    </ul>
  );
}
