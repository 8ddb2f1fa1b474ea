/** Reading a counter from its raw samples ([unix seconds, value], oldest first). */

/** How much a counter rose over the samples, counting a drop as a restart from zero. */
export function counterIncrease(samples: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1]?.[1] ?? 0;
    const cur = samples[i]?.[1] ?? 0;
    total += cur >= prev ? cur - prev : cur;
  }
  return total;
}

/** When the counter last went up (or restarted), or null when it stayed flat over the samples. */
export function lastIncreaseAt(samples: ReadonlyArray<readonly [number, number]>): number | null {
  for (let i = samples.length - 1; i >= 1; i--) {
    const prev = samples[i - 1]?.[1] ?? 0;
    const cur = samples[i]?.[1] ?? 0;
    if (cur !== prev) return samples[i]?.[0] ?? null;
  }
  return null;
}

/** Increase per minute between the first and last sample, or null with fewer than two samples. */
export function perMinute(samples: ReadonlyArray<readonly [number, number]>): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last[0] <= first[0]) return null;
  return (counterIncrease(samples) / (last[0] - first[0])) * 60;
}
