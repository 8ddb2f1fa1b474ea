import { area, line, scaleLinear, scaleUtc, utcFormat } from 'd3';
import type { SeriesPoint } from '../../../src-shared/domain/analytics';
import { html, type SafeHtml } from './html-escape';
import type { DurationChart } from './report-model';

/**
 * Charts drawn on the server as inline SVG: d3 scales and shapes compute the
 * path strings, the `html` tag writes the markup (every label escaped). No
 * script, no external reference: the SVG prints as it shows.
 */
const W = 720;
const H = 210;
const M = { top: 12, right: 16, bottom: 26, left: 56 };

const fmtDay = utcFormat('%d %b');
const fmtHour = utcFormat('%d %b %H:%M');

export function formatSeconds(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function frame(title: string, body: SafeHtml, xTicks: SafeHtml, yTicks: SafeHtml): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${title}">
    <title>${title}</title>
    <g class="grid">${yTicks}</g>
    <g class="x-axis">${xTicks}</g>
    ${body}
  </svg>`;
}

function axes(
  x: { ticks(n: number): Date[]; (d: Date): number },
  y: { ticks(n: number): number[]; (v: number): number },
  spanMs: number,
  unit: (v: number) => string,
): { xTicks: SafeHtml; yTicks: SafeHtml } {
  const fmt = spanMs > 3 * 86_400_000 ? fmtDay : fmtHour;
  const xTicks = html`${x
      .ticks(6)
      .map(
        (t) =>
          html`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" /><text
              x="${x(t).toFixed(1)}"
              y="${H - 8}"
              text-anchor="middle"
              >${fmt(t)}</text
            >`,
      )}<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" />`;
  const yTicks = html`${y
    .ticks(4)
    .map(
      (v) =>
        html`<line x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" /><text
            x="${M.left - 6}"
            y="${(y(v) + 4).toFixed(1)}"
            text-anchor="end"
            >${unit(v)}</text
          >`,
    )}`;
  return { xTicks, yTicks };
}

/** Durations of a DAG's runs: p10–p90 band, rolling median, one dot per run (failed runs red). */
export function durationChartSvg(chart: DurationChart): SafeHtml {
  const from = new Date(chart.from);
  const to = new Date(chart.to);
  const x = scaleUtc()
    .domain([from, to])
    .range([M.left, W - M.right]);
  const top = Math.max(1, ...chart.points.map((p) => p.durationS), ...chart.band.map((b) => b.p90));
  const y = scaleLinear()
    .domain([0, top * 1.05])
    .nice()
    .range([H - M.bottom, M.top]);
  const band = area<{ at: string; p10: number; p90: number }>()
    .x((b) => x(new Date(b.at)))
    .y0((b) => y(b.p10))
    .y1((b) => y(b.p90))(chart.band);
  const median = line<{ at: string; median: number }>()
    .x((b) => x(new Date(b.at)))
    .y((b) => y(b.median))(chart.band);
  const dots = chart.points.map(
    (p) =>
      html`<circle
        class="${p.state === 'failed' ? 'pt pt-failed' : 'pt'}"
        cx="${x(new Date(p.at)).toFixed(1)}"
        cy="${y(p.durationS).toFixed(1)}"
        r="${p.state === 'failed' ? 2.6 : 1.8}"
      />`,
  );
  const { xTicks, yTicks } = axes(x, y, to.getTime() - from.getTime(), formatSeconds);
  const body = html`<path class="band" d="${band ?? ''}" /><path class="median" d="${median ?? ''}" />${dots}`;
  return frame(`Run durations of ${chart.dagId}`, body, xTicks, yTicks);
}

/** An anomaly's explanation: expected range (band), baseline, observed values, anomalous points marked. */
export function anomalyChartSvg(title: string, series: readonly SeriesPoint[], unit: string): SafeHtml {
  const times = series.map((p) => Date.parse(p.t));
  const from = new Date(Math.min(...times));
  const to = new Date(Math.max(...times, from.getTime() + 1));
  const x = scaleUtc()
    .domain([from, to])
    .range([M.left, W - M.right]);
  const values = series.flatMap((p) => [p.observed, p.hi, p.expected].filter((v): v is number => v !== null));
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(1, ...values) * 1.05])
    .nice()
    .range([H - M.bottom, M.top]);
  const withBand = series.filter((p) => p.lo !== null && p.hi !== null);
  const band = area<SeriesPoint>()
    .x((p) => x(new Date(p.t)))
    .y0((p) => y(p.lo ?? 0))
    .y1((p) => y(p.hi ?? 0))(withBand);
  const expected = line<SeriesPoint>()
    .defined((p) => p.expected !== null)
    .x((p) => x(new Date(p.t)))
    .y((p) => y(p.expected ?? 0))(series);
  const observed = line<SeriesPoint>()
    .defined((p) => p.observed !== null)
    .x((p) => x(new Date(p.t)))
    .y((p) => y(p.observed ?? 0))(series);
  const flagged = series
    .filter((p) => p.flagged && p.observed !== null)
    .map((p) => html`<circle class="pt pt-failed" cx="${x(new Date(p.t)).toFixed(1)}" cy="${y(p.observed ?? 0).toFixed(1)}" r="3.2" />`);
  // Durations read as time; other units (failed tries per day, minutes late) go in the legend, numbers on the axis.
  const unitText = (v: number): string => (unit === 's' || unit === 'seconds' ? formatSeconds(v) : String(Math.round(v * 100) / 100));
  const { xTicks, yTicks } = axes(x, y, to.getTime() - from.getTime(), unitText);
  const body = html`<path class="band" d="${band ?? ''}" /><path class="median" d="${expected ?? ''}" /><path
      class="observed"
      d="${observed ?? ''}"
    />${flagged}`;
  return frame(title, body, xTicks, yTicks);
}
