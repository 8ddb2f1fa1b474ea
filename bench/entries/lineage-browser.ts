import type { Page } from 'playwright-core';
import { LineageGraph } from '../../src-shared/domain/lineage';
import { BENCH_AS_OF, cachedDataDir } from '../cached-history';
import { engineP95 } from '../engine-p95';
import { figure, type BenchEntry, type BenchFigure } from '../figure';
import { dragPan, recordFrames, wheelScroll, type FrameStats } from '../browser/frame-times';
import { LINEAGE_ENV, writeLineageFixture } from '../browser/lineage-fixture';
import { percentile } from '../percentile';
import { startBenchSession, type BenchSession } from '../browser/served-bench-app';
import { firstRenderFigures, frameFigures, GOALS, SAMPLES } from '../browser/view-figures';

/** The whole environment with every DAG drawn as its tasks. */
const HASH = '#/lineage?scope=environment&expand=1';
/** The drawing once laid out: the canvas, or the nodes of the SVG scene. */
const DRAWN = '.lineage-page .lineage-raster, .lineage-page .lineage-nodes > *';
/** The User Timing measure use-layout.ts records for each worker layout. */
const LAYOUT_MEASURE = 'orc:lineage-layout';

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** The fixture's DAGs (100: 2,000 nodes / 5,000 edges; LINEAGE_BENCH_DAGS overrides). */
function dagCount(): number {
  return Number(process.env.LINEAGE_BENCH_DAGS ?? 100);
}

/**
 * Frame stats of scripted input and how many of its `events` the page took per
 * second: Playwright waits for each event to be handled, so a slow frame
 * after every move shows here even when the idle frames between keep the
 * frame median at 16.7 ms.
 */
async function timedInput(events: number, record: () => Promise<FrameStats>): Promise<{ stats: FrameStats; perSecond: number }> {
  const t0 = performance.now();
  const stats = await record();
  return { stats, perSecond: round((events * 1000) / (performance.now() - t0)) };
}

/** Opens the view in a fresh document SAMPLES times: the worker's layout (asked to answered) and the render mode drawn. */
async function layoutTimes(session: BenchSession): Promise<{ ms: number[]; mode: string }> {
  const ms: number[] = [];
  let mode = '';
  for (let i = 0; i < SAMPLES; i++) {
    await session.page.goto('about:blank');
    await session.load(HASH);
    await session.page.locator(DRAWN).first().waitFor({ timeout: 120_000 });
    const read = await readLayout(session.page);
    if (read.ms !== null) ms.push(read.ms);
    mode = read.mode;
  }
  return { ms, mode };
}

async function readLayout(page: Page): Promise<{ ms: number | null; mode: string }> {
  return page.evaluate(
    ([name]) => {
      const measures = performance.getEntriesByName(name, 'measure');
      const last = measures[measures.length - 1];
      return {
        ms: last === undefined ? null : last.duration,
        mode: document.querySelector('.lineage-page')?.getAttribute('data-render-mode') ?? 'none',
      };
    },
    [LAYOUT_MEASURE] as const,
  );
}

async function lineageFigures(): Promise<BenchFigure[]> {
  const dags = dagCount();
  const dir = await cachedDataDir(`lineage-${dags}-dags-${BENCH_AS_OF.slice(0, 10)}`, (db) => writeLineageFixture(db, dags));
  const session = await startBenchSession(dir, LINEAGE_ENV);
  try {
    const input = { envId: LINEAGE_ENV, scope: { kind: 'environment', expand: true } } as const;
    const t0 = performance.now();
    const first = await session.engine.handle('lineage.view', input);
    const firstMs = performance.now() - t0;
    if (!first.ok) throw new Error(`lineage.view: ${first.error.message}`);
    const { nodes, edges, truncated } = LineageGraph.parse(first.value);
    const api = await engineP95('lineage.view', () => session.engine.handle('lineage.view', input), 10);
    const size = `${nodes.length} nodes / ${edges.length} edges`;
    const { ms: layouts, mode } = await layoutTimes(session);
    const label = `browser lineage ${size} (${mode})`;
    process.stderr.write(`bench: lineage: ${size}${truncated ? ' (truncated)' : ''}, drawn as ${mode}\n`);
    const figures = [
      figure(`lineage ${size} first lineage.view (engine, builds the graph)`, round(firstMs), 'ms'),
      figure(`lineage ${size} lineage.view p95 (engine)`, api, 'ms', { goal: 100, lowerIsBetter: true }),
      figure(`${label} worker layout median (n=${layouts.length})`, round(percentile(layouts, 0.5)), 'ms'),
      figure(`${label} worker layout p95`, round(percentile(layouts, 0.95)), 'ms'),
      ...(await firstRenderFigures(session, label, { hash: HASH, request: 'lineage.view', ready: DRAWN, frames: 2 })),
    ];
    await session.page.locator(DRAWN).first().waitFor();
    const target = mode === 'canvas' ? '.lineage-raster' : '.lineage-canvas';
    const pan = await timedInput(120, () => recordFrames(session.page, () => dragPan(session.page, target, 8, 30)));
    const zoom = await timedInput(90, () =>
      recordFrames(session.page, () =>
        wheelScroll(session.page, target, [
          { dx: 0, dy: -60, count: 45 },
          { dx: 0, dy: 60, count: 45 },
        ]),
      ),
    );
    return [
      ...figures,
      ...frameFigures(`${label} pan (drag)`, pan.stats),
      figure(`${label} pan (drag) moves handled per second (sent every ~16 ms)`, pan.perSecond, '/s', { goal: GOALS.fps }),
      ...frameFigures(`${label} zoom (wheel)`, zoom.stats),
      figure(`${label} zoom (wheel) steps handled per second (sent every ~16 ms)`, zoom.perSecond, '/s', { goal: GOALS.fps }),
    ];
  } finally {
    await session.close();
  }
}

/**
 * The lineage view of issue #6 in headless Debian Chromium on the served app:
 * a fixture environment of 100 DAGs x 19 layered tasks and 100 assets
 * between them, drawn expanded (2,000 nodes / 5,000 edges, so on the
 * canvas): lineage.view in the engine, the worker's layout, first render
 * (API and render separately) and frame times while panning and zooming.
 * Needs a built renderer (`npx electron-vite build`, or ORC_RENDERER_DIR).
 */
const entry: BenchEntry = {
  name: 'lineage-browser',
  run: lineageFigures,
};

export default entry;
