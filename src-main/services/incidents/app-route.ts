/** An app hash route (`#/run?env=demo&dag=etl&run=r1`), the same shape the renderer's links use. */
export function appRoute(view: string, params: Readonly<Record<string, string | number | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return `#/${view}${text.length > 0 ? `?${text}` : ''}`;
}

/** The `dag` parameter of an app route, if it names one. */
export function routeDag(route: string): string | null {
  const at = route.indexOf('?');
  if (at === -1) return null;
  return new URLSearchParams(route.slice(at + 1)).get('dag');
}
