import { figure, type BenchFigure } from '../figure';
import { percentile } from '../percentile';
import { coldFirstRender, inAppFirstRender, type FirstRender, type ViewProbe } from './first-render';
import type { FrameStats } from './frame-times';
import type { BenchSession } from './served-bench-app';

/** The goals of issues #4 and #6: data in 100 ms p95, first render in 500 ms, scrolling and panning at 50 fps. */
export const GOALS = { dataMs: 100, firstRenderMs: 500, fps: 50 } as const;

/** First renders per view and way of opening it (BROWSER_BENCH_SAMPLES overrides). */
export const SAMPLES = Number(process.env.BROWSER_BENCH_SAMPLES ?? 5);

/** The view the in-app navigations start from: it reads none of the measured views' requests. */
const FROM_HASH = '#/settings';

const round = (ms: number): number => Math.round(ms * 10) / 10;
const numbers = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);

/**
 * First render of one view, SAMPLES times opened inside the running app
 * (hash change, the way a user switches views) and SAMPLES times as the
 * page the app starts on (navigation start, so bundle load and boot count):
 * the view's request in the browser, render after the answer, and the total.
 */
export async function firstRenderFigures(session: BenchSession, label: string, probe: ViewProbe): Promise<BenchFigure[]> {
  const inApp: FirstRender[] = [];
  const cold: FirstRender[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    inApp.push(await inAppFirstRender(session.page, session.origin, FROM_HASH, probe));
    cold.push(await coldFirstRender(session.page, session.origin, probe));
  }
  const all = [...inApp, ...cold];
  const api = numbers(all.map((r) => r.apiMs));
  const render = numbers(all.map((r) => r.renderMs));
  return [
    figure(`${label} data p95 (${probe.request} in the browser, n=${api.length})`, round(percentile(api, 0.95)), 'ms', {
      goal: GOALS.dataMs,
      lowerIsBetter: true,
    }),
    figure(`${label} render after data median`, round(percentile(render, 0.5)), 'ms'),
    figure(`${label} render after data p95`, round(percentile(render, 0.95)), 'ms'),
    figure(
      `${label} first render in-app p95 (hash change -> painted)`,
      round(
        percentile(
          inApp.map((r) => r.paintedAtMs),
          0.95,
        ),
      ),
      'ms',
      { goal: GOALS.firstRenderMs, lowerIsBetter: true },
    ),
    figure(
      `${label} first render at app start p95 (navigation -> painted)`,
      round(
        percentile(
          cold.map((r) => r.paintedAtMs),
          0.95,
        ),
      ),
      'ms',
      { goal: GOALS.firstRenderMs, lowerIsBetter: true },
    ),
  ];
}

/** Frame-time figures of one scripted scroll or pan (software rendering: headless Chromium with --disable-gpu). */
export function frameFigures(label: string, stats: FrameStats): BenchFigure[] {
  return [
    figure(`${label} frame median (software GL)`, round(stats.medianMs), 'ms'),
    figure(`${label} frame p95 (software GL)`, round(stats.p95Ms), 'ms'),
    figure(`${label} fps (software GL, ${stats.frames} frames)`, round(stats.fps), 'fps', { goal: GOALS.fps }),
    figure(`${label} frames over 20 ms`, round(stats.over20 * 100), '%'),
  ];
}
