import type { AnomalySummary } from '../../../src-shared/domain/analytics';
import { Button } from '../../ui/kit';
import type { MarkKind } from './use-anomaly-marks';

/** Acknowledge or mute every anomaly of the selected item's task (its DAG when it has no task). */
export function MarkButtons({
  item,
  mark,
  pending,
  onMark,
}: {
  item: AnomalySummary;
  mark: MarkKind | undefined;
  pending: boolean;
  onMark: (mark: MarkKind | null) => void;
}) {
  const what = item.taskId ?? `${item.dagId} (DAG)`;
  return (
    <div className="anomaly-marks" role="group" aria-label="Acknowledge or mute">
      <span>{mark === undefined ? `Anomalies of ${what}:` : `${what} is ${mark}.`}</span>
      {mark !== 'acknowledged' ? (
        <Button disabled={pending} onClick={() => onMark('acknowledged')}>
          Acknowledge
        </Button>
      ) : null}
      {mark !== 'muted' ? (
        <Button disabled={pending} onClick={() => onMark('muted')}>
          Mute task
        </Button>
      ) : null}
      {mark !== undefined ? (
        <Button disabled={pending} onClick={() => onMark(null)}>
          Clear mark
        </Button>
      ) : null}
    </div>
  );
}
