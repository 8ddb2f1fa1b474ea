import { useState } from 'react';
import type { TaskLog } from '../../../src-shared/domain/investigate';
import { PinButton } from './PinButton';

interface InstanceRef {
  envId: string;
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
}

/** Pins a line range of a cached log (1-based, at most 200 lines); starts on the first error lines. */
export function LogExcerptPin({ instance, log, firstErrorLine }: { instance: InstanceRef; log: TaskLog; firstErrorLine: number }) {
  const total = log.content.split(/\r?\n/).length;
  const start = Math.max(1, Math.min(total, firstErrorLine));
  const [from, setFrom] = useState(start);
  const [to, setTo] = useState(Math.min(total, start + 19));
  const valid = from >= 1 && to >= from && to <= total && to - from < 200;
  return (
    <div className="log-pin" aria-label="Pin a log excerpt">
      <label>
        Lines{' '}
        <input type="number" min={1} max={total} value={from} onChange={(e) => setFrom(Number(e.target.value))} aria-label="First line" />
      </label>
      <label>
        to <input type="number" min={1} max={total} value={to} onChange={(e) => setTo(Number(e.target.value))} aria-label="Last line" />
      </label>
      {valid ? (
        <PinButton
          small
          envId={instance.envId}
          label="Pin log excerpt"
          what={`${instance.taskId}, try ${log.tryNumber}, lines ${from}–${to}`}
          target={{ kind: 'log_excerpt', ...instance, tryNumber: log.tryNumber, fromLine: from, toLine: to }}
        />
      ) : (
        <span className="muted">1 to 200 lines within 1–{total}</span>
      )}
    </div>
  );
}
