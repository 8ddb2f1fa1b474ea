import type { BrowserContext, Page } from 'playwright-core';
import { HTTP_CALL_PREFIX } from '../../src-shared/api/wire';

/** What a view must show before it counts as rendered, and the request that feeds it. */
export interface ViewProbe {
  /** The route, e.g. `#/dags`. */
  readonly hash: string;
  /** The API request whose answer the view draws (e.g. `overview.get`). */
  readonly request: string;
  /** A selector that matches once the view's content is in the DOM (rows, the grid, nodes). */
  readonly ready: string;
  /** Frames to wait after the content entered the DOM: 1 for DOM content, 2 for a canvas drawn on the next frame. */
  readonly frames: 1 | 2;
}

/** One first render, in ms from its start (a navigation, or the hash change of an in-app navigation). */
export interface FirstRender {
  /** The view's request: sent to answered (server, transport and JSON), or null when the data came from the renderer's query cache. */
  readonly apiMs: number | null;
  /** When the request was answered. */
  readonly dataAtMs: number | null;
  /** When the content was painted (the end of the frame that first showed it). */
  readonly paintedAtMs: number;
  /** Painted minus answered: React, layout and paint of the answer. */
  readonly renderMs: number | null;
}

const SELECTOR_KEY = 'orc-bench-ready';

/**
 * Runs in every new document before the app: once the element named in
 * session storage is in the DOM, waits the asked number of frames and a task
 * (the paint of that frame), and records when that happened. Plain
 * JavaScript text: the bench's own compiled functions carry helpers the
 * page does not have.
 */
const WATCH_FOR_CONTENT = `(() => {
  let raw = null;
  try { raw = sessionStorage.getItem(${JSON.stringify(SELECTOR_KEY)}); } catch { return; }
  if (raw === null) return;
  const { selector, frames, since } = JSON.parse(raw);
  window.__orcBenchPainted = new Promise((resolve) => {
    let startMs = 0;
    const afterFrames = (left, done) => { if (left === 0) setTimeout(done, 0); else requestAnimationFrame(() => afterFrames(left - 1, done)); };
    const check = () => {
      if (document.querySelector(selector) === null) return false;
      afterFrames(frames, () => resolve({ startMs, paintedAtMs: performance.now() - startMs }));
      return true;
    };
    const observe = () => {
      if (check()) return;
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    };
    if (since === 'navigation') observe();
    else window.addEventListener('hashchange', () => { startMs = performance.now(); observe(); }, { once: true });
  });
})();`;

/** Installs the content watcher in the context (once per context). */
export async function installRenderProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: WATCH_FOR_CONTENT });
}

async function arm(page: Page, probe: ViewProbe, since: 'navigation' | 'hashchange'): Promise<void> {
  await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [
    SELECTOR_KEY,
    JSON.stringify({ selector: probe.ready, frames: probe.frames, since }),
  ] as const);
}

async function collect(page: Page, probe: ViewProbe, timeoutMs: number): Promise<FirstRender> {
  const path = `${HTTP_CALL_PREFIX}${encodeURIComponent(probe.request)}`;
  const timing = await page.evaluate(
    async ({ path, timeoutMs }) => {
      const w = window as unknown as { __orcBenchPainted?: Promise<{ startMs: number; paintedAtMs: number }> };
      if (w.__orcBenchPainted === undefined) throw new Error('the render probe is not installed in this document');
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`content not shown within ${timeoutMs} ms`)), timeoutMs),
      );
      const painted = await Promise.race([w.__orcBenchPainted, timeout]);
      const entry = performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .find((e) => new URL(e.name).pathname === path && e.startTime >= painted.startMs);
      return { ...painted, request: entry === undefined ? null : { start: entry.startTime, end: entry.responseEnd } };
    },
    { path, timeoutMs },
  );
  const dataAtMs = timing.request === null ? null : timing.request.end - timing.startMs;
  return {
    apiMs: timing.request === null ? null : timing.request.end - timing.request.start,
    dataAtMs,
    paintedAtMs: timing.paintedAtMs,
    renderMs: dataAtMs === null ? null : timing.paintedAtMs - dataAtMs,
  };
}

/** Loads `url` in a new document (a URL that differs only in its fragment would stay in the same one). */
async function freshDocument(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
}

/** Opens the view in a fresh document (app start at this view): navigation start to painted content. */
export async function coldFirstRender(page: Page, origin: string, probe: ViewProbe, timeoutMs = 120_000): Promise<FirstRender> {
  await arm(page, probe, 'navigation');
  await freshDocument(page, `${origin}/${probe.hash}`);
  const result = await collect(page, probe, timeoutMs);
  await page.evaluate((key) => sessionStorage.removeItem(key), SELECTOR_KEY);
  return result;
}

/**
 * Switches to the view inside the running app, coming from `fromHash` loaded
 * in a fresh document (so the renderer's query cache does not hold the view's
 * data): hash change to painted content.
 */
export async function inAppFirstRender(
  page: Page,
  origin: string,
  fromHash: string,
  probe: ViewProbe,
  timeoutMs = 120_000,
): Promise<FirstRender> {
  await arm(page, probe, 'hashchange');
  await freshDocument(page, `${origin}/${fromHash}`);
  await page.locator('h1').first().waitFor({ timeout: timeoutMs });
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, probe.hash);
  const result = await collect(page, probe, timeoutMs);
  await page.evaluate((key) => sessionStorage.removeItem(key), SELECTOR_KEY);
  return result;
}
