import { ReportFormat } from '../../src-shared/domain/reports';
import { IncidentId } from '../../src-shared/domain/incidents';

export interface ReportCliArgs {
  readonly env: string | null;
  readonly incident: string | null;
  readonly since: string;
  readonly format: ReportFormat;
  readonly out: string;
  readonly dataDir: string | null;
}

export const USAGE = `Usage: npm run report -- (--env NAME | --incident ID) --format html|md|pdf --out FILE [--since 24h] [--data-dir DIR]

  --env NAME       environment name or id: report on its last --since of history
  --incident ID    report on one incident instead (its pins, notes and the history around them)
  --since SPAN     look-back for --env, counted from the environment's "now": 90m, 24h, 30d (default 24h)
  --format FMT     html (self-contained), md (Markdown) or pdf (printed by headless Chromium)
  --out FILE       file to write; an existing file is replaced, a folder, a symbolic link or ".." is refused
  --data-dir DIR   where the cache is (default: the served mode's data directory)

PDF needs Chromium at $CHROMIUM_PATH or /usr/bin/chromium.`;

export class ReportCliError extends Error {}

/** File extensions that name a report format: a PDF written into x.md is refused, not written. */
const EXTENSION_FORMAT: Readonly<Record<string, ReportFormat>> = { html: 'html', htm: 'html', md: 'md', markdown: 'md', pdf: 'pdf' };

const FLAGS = new Set(['--env', '--incident', '--since', '--format', '--out', '--data-dir']);

/** Parses `--flag value` (or `--flag=value`) pairs; throws ReportCliError saying what to write instead. */
export function parseReportArgs(argv: readonly string[]): ReportCliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!FLAGS.has(flag)) throw new ReportCliError(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--') || value.trim() === '') throw new ReportCliError(`${flag} needs a value`);
    if (values.has(flag)) throw new ReportCliError(`${flag} is given twice`);
    values.set(flag, value);
  }
  const env = values.get('--env') ?? null;
  const incident = values.get('--incident') ?? null;
  if ((env === null) === (incident === null)) throw new ReportCliError('give either --env NAME or --incident ID (one of them)');
  if (incident !== null && !IncidentId.safeParse(incident).success)
    throw new ReportCliError(`"${incident}" is not an incident id (letters, digits, "-" and "_")`);
  const since = values.get('--since') ?? '24h';
  if (!/^\d{1,4}[mhd]$/.test(since) || /^0+[mhd]$/.test(since))
    throw new ReportCliError(`--since needs a span such as 90m, 24h or 30d, got "${since}"`);
  if (incident !== null && values.has('--since')) throw new ReportCliError('--since applies to --env reports only');
  const format = ReportFormat.safeParse(values.get('--format'));
  if (!format.success)
    throw new ReportCliError(
      values.has('--format')
        ? `--format must be html, md or pdf, got "${values.get('--format') ?? ''}"`
        : '--format is required (html, md or pdf)',
    );
  const out = values.get('--out');
  if (out === undefined) throw new ReportCliError('--out FILE is required');
  if (out.split(/[\\/]/).includes('..')) throw new ReportCliError('--out may not contain ".."');
  const extension = /\.([A-Za-z0-9]+)$/.exec(out)?.[1]?.toLowerCase();
  const named = extension === undefined ? undefined : EXTENSION_FORMAT[extension];
  if (extension !== undefined && named !== undefined && named !== format.data) {
    throw new ReportCliError(
      `--out ${out} names a .${extension} file but --format is ${format.data}: write it to ${out.slice(0, -extension.length)}${format.data}, or use --format ${named}`,
    );
  }
  return { env, incident, since, format: format.data, out, dataDir: values.get('--data-dir') ?? null };
}
