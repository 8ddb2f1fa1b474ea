import { useMemo } from 'react';
import { line, max, scaleLinear } from 'd3';

/** Counts per day as a small line; D3 builds the path, React draws it. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const path = useMemo(() => {
    const x = scaleLinear()
      .domain([0, Math.max(1, values.length - 1)])
      .range([1, 119]);
    const y = scaleLinear()
      .domain([0, Math.max(1, max(values) ?? 1)])
      .range([23, 2]);
    return (
      line<number>()
        .x((_, i) => x(i))
        .y((v) => y(v))([...values]) ?? ''
    );
  }, [values]);
  return (
    <svg className="sparkline" viewBox="0 0 120 25" width="120" height="25" role="img" aria-label={label}>
      <path d={path} />
    </svg>
  );
}
