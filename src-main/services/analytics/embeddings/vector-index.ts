/** One stored vector and whose it is. */
export interface IndexedVector<K> {
  readonly key: K;
  readonly vector: Float32Array;
}

export interface Neighbour<K> {
  readonly key: K;
  /** Cosine similarity (the vectors are L2-normalised, so the dot product). */
  readonly score: number;
}

/**
 * The k vectors most similar to a query, by exact cosine similarity over
 * every stored vector (a few thousand failures: a linear scan is fast and
 * needs no approximate index). `skip` leaves out keys such as the query's own.
 */
export function nearest<K>(
  query: Float32Array,
  vectors: readonly IndexedVector<K>[],
  k: number,
  skip: (key: K) => boolean,
): Neighbour<K>[] {
  const top: Neighbour<K>[] = [];
  for (const item of vectors) {
    if (item.vector.length !== query.length || skip(item.key)) continue;
    let dot = 0;
    for (let i = 0; i < query.length; i++) dot += (query[i] ?? 0) * (item.vector[i] ?? 0);
    if (top.length < k || dot > (top[top.length - 1]?.score ?? -Infinity)) {
      top.push({ key: item.key, score: dot });
      top.sort((a, b) => b.score - a.score);
      if (top.length > k) top.pop();
    }
  }
  return top;
}
