import { useMemo } from 'react';
import type { RecentRun } from '../../../src-shared/domain/dag-list';
import { CAP, sparklineLabel, sparklineMarks, type SparkMark } from './sparkline-marks';

const WIDTH = 124;
const HEIGHT = 24;

function Mark({ mark }: { mark: SparkMark }) {
  const { x, y, width, height } = mark;
  switch (mark.shape) {
    case 'ring':
      return <circle className="spark-ring" cx={x + width / 2} cy={y} r={Math.max(1.5, width / 2 - 0.5)} />;
    case 'hollow-bar':
      return <rect className="spark-hollow" x={x + 0.5} y={y + 0.5} width={Math.max(1, width - 1)} height={Math.max(1, height - 1)} />;
    case 'crossed-bar': {
      const cx = x + width / 2;
      const r = Math.min(2.5, width / 2);
      return (
        <g className="spark-failed">
          <rect x={x} y={y} width={width} height={height} />
          <path d={`M${cx - r} ${CAP / 2 - r}L${cx + r} ${CAP / 2 + r}M${cx + r} ${CAP / 2 - r}L${cx - r} ${CAP / 2 + r}`} />
        </g>
      );
    }
    default:
      return <rect className="spark-ok" x={x} y={y} width={width} height={height} />;
  }
}

/**
 * The newest runs of a DAG: bar height is the duration; success a solid bar, failed a bar with a cross above it,
 * running an outlined bar, queued a ring, so state reads without colour. The label says the same in words.
 */
export function RunSparkline({ runs, slots }: { runs: readonly RecentRun[]; slots: number }) {
  const marks = useMemo(() => sparklineMarks(runs, slots, WIDTH, HEIGHT), [runs, slots]);
  const label = sparklineLabel(runs);
  return (
    <svg className="run-sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      <line className="spark-base" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      {marks.map((mark) => (
        <Mark key={mark.runId} mark={mark} />
      ))}
    </svg>
  );
}
