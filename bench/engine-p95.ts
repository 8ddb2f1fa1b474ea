import { percentile } from './percentile';

type Answer = { ok: true } | { ok: false; error: { message: string } };

/** p95 in ms of `repeats` calls of one engine request (validation, SQL, mapping), after two warm-up calls. */
export async function engineP95(label: string, call: () => Promise<Answer>, repeats: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeats + 2; i++) {
    const t0 = performance.now();
    const result = await call();
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`${label}: ${result.error.message}`);
    if (i >= 2) samples.push(ms);
  }
  return Math.round(percentile(samples, 0.95) * 10) / 10;
}
