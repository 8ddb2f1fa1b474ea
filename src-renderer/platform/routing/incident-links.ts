import { formatRoute } from './route';

export const incidentHref = (incidentId: string): string => formatRoute('reports', { incident: incidentId });
export const incidentsHref = (): string => formatRoute('reports');

/** A file name for the save field: ASCII letters, digits, "-" and "." only (the back end checks the path again). */
export function suggestedFileName(title: string, extension: string): string {
  const base = title
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return `${base === '' ? 'report' : base}.${extension}`;
}

/** Only our own hash routes become links; an imported file could hold anything. */
export const appLink = (route: string | null): string | undefined =>
  route !== null && /^#\/[a-z-]+(\?|$)/.test(route) ? route : undefined;
