import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../src-main/services/reports/build-report';
import { ReportCliError, parseReportArgs } from '../../../src-main/cli/report-args';
import { reportFileName } from '../../../src-main/services/reports/report-service';
import { scoredDemo, type ScoredDemo } from './report-fixture';

const args = (...rest: string[]): string[] => ['--env', 'Demo', ...rest];

describe('report CLI arguments', () => {
  it('refuses an --out whose extension names another format, and says what to write', () => {
    expect(() => parseReportArgs(args('--format', 'pdf', '--out', 'x.md'))).toThrow(ReportCliError);
    expect(() => parseReportArgs(args('--format', 'pdf', '--out', 'x.md'))).toThrow('write it to x.pdf, or use --format md');
    expect(() => parseReportArgs(args('--format', 'md', '--out', 'out/report.HTML'))).toThrow('--format html');
    expect(parseReportArgs(args('--format', 'pdf', '--out', 'x.pdf')).out).toBe('x.pdf');
    expect(parseReportArgs(args('--format', 'md', '--out', 'notes.markdown')).format).toBe('md');
    expect(parseReportArgs(args('--format', 'html', '--out', 'report-for-ticket')).out).toBe('report-for-ticket');
  });
});

describe('report windows and names', () => {
  let demo: ScoredDemo;
  beforeAll(async () => {
    demo = await scoredDemo({ dags: 4, days: 10 });
  });
  afterAll(() => demo.dispose());

  it('names a window report once after its environment, and starts a window longer than the history at its first run', () => {
    const builder = new ReportBuilder(demo.deps);
    const day = builder.build({ kind: 'window', envId: 'demo', since: '24h' });
    expect(reportFileName(day, 'md')).toMatch(/^Demo-the-last-24-h-\d{8}-\d{4}\.md$/);
    const all = builder.build({ kind: 'window', envId: 'demo', since: '9999d' });
    const first = demo.db
      .prepare("SELECT MIN(COALESCE(start_date, queued_at, run_after, logical_date)) FROM dag_runs WHERE env_id = 'demo'")
      .pluck()
      .get() as string;
    expect(all.window.from).toBe(first);
    expect(all.title).toBe(`Demo: all its history (since ${first.slice(0, 10)})`);
    expect(all.summary[0]).toMatch(/^From its first cached run/);
    const month = builder.build({ kind: 'window', envId: 'demo', since: '30d' });
    expect(month.figures.map((f) => f.value)).toEqual(all.figures.map((f) => f.value));
  });
});
