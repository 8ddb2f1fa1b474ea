export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** `?a=1&state=x&state=y` (arrays repeat the key; null/undefined are skipped); '' when empty. */
export function queryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value as ReadonlyArray<string | number>) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One path segment (DAG ids, run ids such as `manual__2026-01-01T00:00:00+00:00`, task ids). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
