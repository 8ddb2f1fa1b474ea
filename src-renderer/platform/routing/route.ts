import { isViewId, type ViewId } from './views';

/** A hash route such as `#/runs?dag=etl&state=failed`. */
export interface Route {
  view: ViewId;
  params: Readonly<Record<string, string>>;
}

export const defaultRoute: Route = { view: 'overview', params: {} };

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  if (!isViewId(path)) return defaultRoute;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { view: path, params };
}

export function formatRoute(view: ViewId, params: Readonly<Record<string, string | undefined>> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return `#/${view}${text.length > 0 ? `?${text}` : ''}`;
}
