import type { Page } from 'playwright-core';
import { percentile } from '../percentile';

/** Frame times while something moves: from a requestAnimationFrame loop in the page. */
export interface FrameStats {
  readonly frames: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Frames per second over the whole recording. */
  readonly fps: number;
  /** Share of frames longer than 20 ms, 0..1. */
  readonly over20: number;
}

const STEP_MS = 16;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Records the time between animation frames while `drive` sends input, then summarises it. */
export async function recordFrames(page: Page, drive: () => Promise<void>): Promise<FrameStats> {
  // Plain JavaScript text: compiled bench functions carry helpers the page does not have.
  await page.evaluate(`(() => {
    const rec = { stamps: [], on: true };
    window.__orcBenchFrames = rec;
    const loop = (t) => { rec.stamps.push(t); if (rec.on) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await drive();
  const stamps = await page.evaluate<number[]>(`(() => {
    const rec = window.__orcBenchFrames;
    if (rec === undefined) return [];
    rec.on = false;
    return rec.stamps;
  })()`);
  const deltas = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
  const span = (stamps[stamps.length - 1] ?? 0) - (stamps[0] ?? 0);
  return {
    frames: deltas.length,
    medianMs: percentile(deltas, 0.5),
    p95Ms: percentile(deltas, 0.95),
    fps: span > 0 ? (deltas.length * 1000) / span : 0,
    over20: deltas.length > 0 ? deltas.filter((d) => d > 20).length / deltas.length : 0,
  };
}

/** Wheel steps over the element's centre, one every ~16 ms (a trackpad-like scroll). */
export async function wheelScroll(
  page: Page,
  selector: string,
  steps: readonly { dx: number; dy: number; count: number }[],
): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`${selector} is not visible`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (const step of steps) {
    for (let i = 0; i < step.count; i++) {
      await page.mouse.wheel(step.dx, step.dy);
      await pause(STEP_MS);
    }
  }
}

/** Drags with the primary button from the element's centre in a square, one move every ~16 ms (panning). */
export async function dragPan(page: Page, selector: string, stepPx: number, movesPerSide: number): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`${selector} is not visible`);
  let x = box.x + box.width / 2;
  let y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (const [dx, dy] of [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ] as const) {
    for (let i = 0; i < movesPerSide; i++) {
      x += dx * stepPx;
      y += dy * stepPx;
      await page.mouse.move(x, y);
      await pause(STEP_MS);
    }
  }
  await page.mouse.up();
}
