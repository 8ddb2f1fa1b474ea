import type { BenchFigure } from './figure';

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 1000) / 1000);
}

/** A plain-text table of figures, one row each. */
export function formatTable(results: readonly { entry: string; figures: readonly BenchFigure[] }[]): string {
  const header = ['bench', 'figure', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met'];
  const rows = results.flatMap(({ entry, figures }) =>
    figures.map((f) => [
      entry,
      f.name,
      fmt(f.value),
      f.unit,
      fmt(f.baseline),
      fmt(f.ratio),
      fmt(f.goal),
      f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i >= 2 && i !== 3 && i !== 7 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
