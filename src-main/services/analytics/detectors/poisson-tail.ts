/** P(X ≥ k) for X ~ Poisson(lambda): the chance of at least k failures when lambda are expected. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let j = 1; j < k; j++) {
    term *= lambda / j;
    below += term;
  }
  return Math.max(0, 1 - below);
}
