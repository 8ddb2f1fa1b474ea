/** One measured number of a bench entry, optionally against a baseline measured in the same run and a goal. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same quantity for the baseline, measured in the same run. */
  readonly baseline?: number;
  /** value / baseline. */
  readonly ratio?: number;
  /** What we aim for (higher is better unless the unit is a time). */
  readonly goal?: number;
  readonly met?: boolean;
}

/** A bench: `bench/entries/<name>.ts` default-exports one. */
export interface BenchEntry {
  readonly name: string;
  run(): Promise<BenchFigure[]>;
}

/** Builds a figure with ratio and met filled in from baseline and goal. */
export function figure(
  name: string,
  value: number,
  unit: string,
  extra: { baseline?: number; goal?: number; lowerIsBetter?: boolean } = {},
): BenchFigure {
  const { baseline, goal, lowerIsBetter = false } = extra;
  return {
    name,
    value,
    unit,
    ...(baseline !== undefined ? { baseline, ratio: baseline === 0 ? 0 : Math.round((value / baseline) * 1000) / 1000 } : {}),
    ...(goal !== undefined ? { goal, met: lowerIsBetter ? value <= goal : value >= goal } : {}),
  };
}
