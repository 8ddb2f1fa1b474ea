import type { RunComparison } from '../../../src-shared/domain/dag-history';
import { StateBadge } from '../../ui/states/StateBadge';
import { formatDuration } from '../../platform/time/format-duration';

function delta(good: number | null, bad: number | null): { text: string; tone: string } {
  if (good === null || bad === null) return { text: '—', tone: '' };
  const diff = bad - good;
  const ratio = good > 0 ? bad / good : null;
  const sign = diff >= 0 ? '+' : '−';
  const text = `${sign}${formatDuration(Math.abs(diff))}${ratio !== null ? ` (×${ratio.toFixed(1)})` : ''}`;
  return { text, tone: ratio !== null && ratio >= 1.5 ? 'count-bad' : ratio !== null && ratio <= 0.67 ? 'count-good' : '' };
}

/** Task by task: state on each side, tries, durations and the change; changed states come first and are marked. */
export function CompareTable({ comparison }: { comparison: RunComparison }) {
  const changed = comparison.tasks.filter((t) => t.stateChanged).length;
  return (
    <>
      <h3 className="section-title">Tasks · {changed} changed state</h3>
      <table className="data-table compare-table">
        <caption className="visually-hidden">Task instances of both runs</caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Good</th>
            <th scope="col">Bad</th>
            <th scope="col" className="num">
              Tries
            </th>
            <th scope="col" className="num">
              Good duration
            </th>
            <th scope="col" className="num">
              Bad duration
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.tasks.map((t) => {
            const d = delta(t.goodDurationS, t.badDurationS);
            return (
              <tr
                key={`${t.taskId}\u0000${t.mapIndex}`}
                className={t.stateChanged ? 'is-changed' : undefined}
                data-changed={t.stateChanged ? 'true' : 'false'}
              >
                <td className="mono truncate">
                  {t.stateChanged ? (
                    <span className="changed-mark" title="state changed">
                      ●{' '}
                    </span>
                  ) : null}
                  {t.mapIndex >= 0 ? `${t.taskId} [${t.mapIndex}]` : t.taskId}
                </td>
                <td>
                  <StateBadge state={t.goodState} />
                </td>
                <td>
                  <StateBadge state={t.badState} />
                </td>
                <td className="num">
                  {t.goodTries ?? '—'} → {t.badTries ?? '—'}
                </td>
                <td className="num">{formatDuration(t.goodDurationS)}</td>
                <td className="num">{formatDuration(t.badDurationS)}</td>
                <td className={`num ${d.tone}`}>{d.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
