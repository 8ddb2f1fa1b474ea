import { z } from 'zod';
import { defineRequest } from '../define';
import { RenderedReport, ReportDefaults, ReportFormat, ReportSource, SavedReport } from '../../domain/reports';

export const reportRequests = {
  'reports.defaults': defineRequest(
    'Where reports are saved by default, and whether this mode saves to a path',
    z.object({}).strict(),
    ReportDefaults,
    { scope: 'app', reads: [] },
  ),
  'reports.render': defineRequest(
    'An incident or an environment time window as self-contained HTML, Markdown or PDF, returned for download',
    z.object({ source: ReportSource, format: ReportFormat }).strict(),
    RenderedReport,
    { scope: 'app', reads: ['incidents', 'runs', 'task_instances', 'audit', 'analytics'] },
  ),
  'reports.save': defineRequest(
    'Renders a report and writes it to the chosen file (desktop app only; never a directory, a symlink or a path with "..")',
    z.object({ source: ReportSource, format: ReportFormat, path: z.string().min(1).max(4096) }).strict(),
    SavedReport,
    { scope: 'app', reads: ['incidents', 'runs', 'task_instances', 'audit', 'analytics'] },
  ),
} as const;
