import type { Heartbeat, HeartbeatComponent } from '../../../src-shared/domain/monitoring';
import { formatAbsolute } from '../../platform/time/format-relative';
import { beatTone, formatCount, formatSeconds, type BeatTone } from './format-monitoring';

const labels: Readonly<Record<HeartbeatComponent, string>> = {
  scheduler: 'Scheduler',
  triggerer: 'Triggerer',
  dag_processor: 'DAG processor',
};
const toneText: Readonly<Record<BeatTone, string>> = { ok: 'beating', late: 'late', stale: 'silent', missing: 'no metric' };

/** One tile per Airflow component: how long since its heartbeat counter last rose, and its rate. */
export function HeartbeatTiles({ beats, windowMinutes }: { beats: readonly Heartbeat[]; windowMinutes: number }) {
  return (
    <ul className="monitoring-tiles" aria-label="Heartbeats">
      {beats.map((b) => {
        const tone = beatTone(b.ageSeconds, b.series);
        const value = b.ageSeconds !== null ? `${formatSeconds(b.ageSeconds)} ago` : b.series === 0 ? '—' : `none in ${windowMinutes} min`;
        return (
          <li
            key={b.component}
            className={`stat-tile beat-tile beat-${tone}`}
            data-component={b.component}
            title={b.metrics.length > 0 ? `From ${b.metrics.join(', ')}` : 'No heartbeat metric in Prometheus'}
          >
            <span className="stat-label">
              {labels[b.component]} heartbeat <span className={`beat-dot beat-dot-${tone}`} aria-hidden="true" />
              <span className="beat-state">{toneText[tone]}</span>
            </span>
            <span className="stat-value">{value}</span>
            <span className="beat-meta muted">
              {b.beatsPerMinute !== null ? `${formatCount(b.beatsPerMinute)} beats/min` : ''}
              {b.series > 1 ? ` · ${b.series} instances` : ''}
              {b.lastBeatAt !== null ? (
                <time dateTime={b.lastBeatAt} className="visually-hidden">
                  {formatAbsolute(b.lastBeatAt)}
                </time>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
