import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../../src-main/services/reports/markdown-escape';
import { ReportBuilder } from '../../../src-main/services/reports/build-report';
import { renderMarkdown } from '../../../src-main/services/reports/render-markdown';
import { SECTION_TITLES, type ReportModel } from '../../../src-main/services/reports/report-model';
import { hostileModel } from './hostile-model';
import { scoredDemo, type ScoredDemo } from './report-fixture';

/** Reads back what a Markdown reader sees: headings, and the cells of the table under a heading. */
function headings(md: string, level: number): string[] {
  const mark = `${'#'.repeat(level)} `;
  return md
    .split('\n')
    .filter((l) => l.startsWith(mark))
    .map((l) => unescapeMarkdown(l.slice(mark.length)));
}

function tableUnder(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('| ') || /^\|( --- \|)+$/.test(line)) continue;
    // Split on pipes that are not escaped, then unescape each cell.
    rows.push(
      line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map(unescapeMarkdown),
    );
  }
  return rows.slice(1);
}

function roundTrips(model: ReportModel): void {
  const md = renderMarkdown(model);
  expect(headings(md, 1)).toEqual([model.title]);
  const expected: string[] = [
    SECTION_TITLES.summary,
    SECTION_TITLES.timeline,
    SECTION_TITLES.affected,
    SECTION_TITLES.durations,
    SECTION_TITLES.anomalies,
    SECTION_TITLES.patterns,
    SECTION_TITLES.actions,
    SECTION_TITLES.copilot,
  ];
  if (model.kind === 'incident') expected.push(SECTION_TITLES.evidence, SECTION_TITLES.notes);
  expect(headings(md, 2)).toEqual(expected);
  expect(tableUnder(md, SECTION_TITLES.affected).map((r) => r[0])).toEqual(model.affectedDags.map((d) => d.dagId));
  expect(tableUnder(md, SECTION_TITLES.timeline).map((r) => r[2])).toEqual(model.timeline.map((t) => t.text.replace(/\r?\n/g, ' ')));
  expect(tableUnder(md, SECTION_TITLES.anomalies).map((r) => r[0])).toEqual(model.anomalies.map((a) => a.severity));
  const patterns = md.slice(md.indexOf(`## ${SECTION_TITLES.patterns}`), md.indexOf(`## ${SECTION_TITLES.actions}`));
  expect(headings(patterns, 3).map((h) => h.replace(/ \(\d+ failures(, new)?\)$/, ''))).toEqual(
    model.errorPatterns.map((p) => p.exception || 'Error'),
  );
}

describe('Markdown reports round-trip their structure', () => {
  let demo: ScoredDemo;
  beforeAll(async () => {
    demo = await scoredDemo({ dags: 12, days: 30 });
  });
  afterAll(() => demo.dispose());

  it('a hostile model reads back with the same sections, DAG ids and timeline text', () => {
    roundTrips(hostileModel());
  });

  it('a 7-day Demo report reads back with the same sections, affected DAGs, timeline and anomalies', () => {
    const model = new ReportBuilder(demo.deps).build({ kind: 'window', envId: 'demo', since: '7d' });
    expect(model.affectedDags.length).toBeGreaterThan(0);
    expect(model.timeline.length).toBeGreaterThan(0);
    roundTrips(model);
  });
});
