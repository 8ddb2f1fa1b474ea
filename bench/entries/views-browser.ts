import { BENCH_AS_OF, BENCH_ENV, cachedDataDir, synthDataDir, synthSize } from '../cached-history';
import { engineP95 } from '../engine-p95';
import { figure, type BenchEntry, type BenchFigure } from '../figure';
import { recordFrames, wheelScroll } from '../browser/frame-times';
import { startBenchSession } from '../browser/served-bench-app';
import { firstRenderFigures, frameFigures, GOALS } from '../browser/view-figures';
import { WIDE_DAG, WIDE_ENV, writeWideDag } from '../browser/wide-dag-fixture';

const DAY_MS = 86_400_000;
const ROWS = 'table.dag-table tbody tr.dag-row';

/** The wide DAG of the grid: 100 tasks x 2,000 runs, or 200 x 10,000 with BENCH_FULL=1. */
function wideSize(): { tasks: number; runs: number } {
  return process.env.BENCH_FULL === '1' ? { tasks: 200, runs: 10_000 } : { tasks: 100, runs: 2_000 };
}

async function listFigures(size: string): Promise<BenchFigure[]> {
  const { dags, days } = synthSize();
  const session = await startBenchSession(await synthDataDir(dags, days), BENCH_ENV);
  try {
    const figures = [
      ...(await firstRenderFigures(session, `browser ${size} overview`, {
        hash: '#/overview',
        request: 'overview.get',
        ready: ROWS,
        frames: 1,
      })),
      ...(await firstRenderFigures(session, `browser ${size} DAGs list`, {
        hash: '#/dags',
        request: 'overview.get',
        ready: ROWS,
        frames: 1,
      })),
    ];
    await session.page.locator(ROWS).first().waitFor();
    const scroll = await recordFrames(session.page, () =>
      wheelScroll(session.page, '.table-scroll', [
        { dx: 0, dy: 120, count: 90 },
        { dx: 0, dy: -240, count: 30 },
      ]),
    );
    return [...figures, ...frameFigures(`browser ${size} DAGs list scroll`, scroll)];
  } finally {
    await session.close();
  }
}

async function gridFigures(): Promise<BenchFigure[]> {
  const { tasks, runs } = wideSize();
  const dir = await cachedDataDir(`wide-${tasks}x${runs}-${BENCH_AS_OF.slice(0, 10)}`, (db) => writeWideDag(db, tasks, runs));
  const session = await startBenchSession(dir, WIDE_ENV);
  const label = `browser grid ${tasks} tasks x ${runs} runs`;
  try {
    const from = new Date(Date.parse(BENCH_AS_OF) - (runs / 24 + 2) * DAY_MS).toISOString();
    const window = { envId: WIDE_ENV, dagId: WIDE_DAG, from, to: BENCH_AS_OF };
    // What the page asks for: the geometry (runs and tasks, no cells), then 100-run pages of cells around the view.
    const api = await engineP95('dags.grid', () => session.engine.handle('dags.grid', { ...window, cells: false }), 10);
    const page = await engineP95('dags.gridCells', () => session.engine.handle('dags.gridCells', { ...window, offset: 0, count: 100 }), 10);
    const hash = `#/dag?env=${WIDE_ENV}&dag=${WIDE_DAG}&from=${from.slice(0, 10)}&to=${BENCH_AS_OF.slice(0, 10)}`;
    const figures = [
      figure(`${label} dags.grid p95 (engine)`, api, 'ms', { goal: GOALS.dataMs, lowerIsBetter: true }),
      figure(`${label} dags.gridCells page p95 (engine)`, page, 'ms', { goal: GOALS.dataMs, lowerIsBetter: true }),
      ...(await firstRenderFigures(session, label, { hash, request: 'dags.grid', ready: '[data-testid="dag-grid"]', frames: 2 })),
    ];
    const shown = await session.page.locator('.dag-grid-section .section-title').textContent();
    process.stderr.write(`bench: ${label}: the page shows "${shown ?? ''}"\n`);
    const scroll = await recordFrames(session.page, () =>
      wheelScroll(session.page, '[data-testid="dag-grid"]', [
        { dx: -120, dy: 0, count: 90 },
        { dx: 0, dy: 60, count: 60 },
      ]),
    );
    return [...figures, ...frameFigures(`${label} scroll`, scroll)];
  } finally {
    await session.close();
  }
}

/**
 * The investigation views in headless Debian Chromium on the served app:
 * overview and DAGs list of the synthetic history (100 x 90, or 500 x 365
 * with BENCH_FULL=1), and the grid of a wide DAG; first render (API and
 * render separately) and frame times while scrolling. Needs a built
 * renderer (`npx electron-vite build`, or ORC_RENDERER_DIR).
 */
const entry: BenchEntry = {
  name: 'views-browser',
  async run() {
    const { dags, days } = synthSize();
    return [...(await listFigures(`${dags}x${days}`)), ...(await gridFigures())];
  },
};

export default entry;
