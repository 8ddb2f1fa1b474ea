import type { GrafanaDashboard } from '../../../src-shared/domain/monitoring';

/** Dashboards as the settings textarea shows them: one `Title | /path` a line. */
export function formatDashboards(dashboards: readonly GrafanaDashboard[]): string {
  return dashboards.map((d) => `${d.title} | ${d.path}`).join('\n');
}

export function parseDashboards(text: string): { dashboards: GrafanaDashboard[]; error: string | undefined } {
  const dashboards: GrafanaDashboard[] = [];
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const bar = line.indexOf('|');
    const title = bar === -1 ? '' : line.slice(0, bar).trim();
    const path = bar === -1 ? line : line.slice(bar + 1).trim();
    if (title === '' || !path.startsWith('/') || /\s/.test(path))
      return { dashboards, error: `Line ${i + 1}: write "Title | /d/uid/slug?var-env={env}".` };
    dashboards.push({ title: title.slice(0, 80), path });
  }
  if (dashboards.length > 12) return { dashboards, error: 'At most 12 dashboards.' };
  return { dashboards, error: undefined };
}
