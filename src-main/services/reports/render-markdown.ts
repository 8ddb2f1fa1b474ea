import { escapeMarkdown, markdownCodeBlock, markdownRow } from './markdown-escape';
import { SECTION_TITLES, type ReportModel } from './report-model';
import { formatSeconds } from './svg-charts';

const when = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));
const e = escapeMarkdown;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [markdownRow(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(markdownRow)];
}

function section(id: keyof typeof SECTION_TITLES, lines: readonly string[], emptyText: string): string[] {
  return [`## ${SECTION_TITLES[id]}`, '', ...(lines.length === 0 ? [`*${e(emptyText)}*`] : lines), ''];
}

/** The report as Markdown: the same sections as the HTML; every Airflow string escaped, logs in fences they cannot close. */
export function renderMarkdown(m: ReportModel): string {
  const out: string[] = [
    `# ${e(m.title)}`,
    '',
    `**${m.kind === 'incident' ? 'Incident report' : 'Environment report'}** · ${e(m.env.name)}${m.env.synthetic ? ' (synthetic history)' : ''} · ${e(when(m.window.from))} – ${e(when(m.window.to))} UTC · generated ${e(when(m.generatedAt))} UTC${
      m.incident !== null ? ` · status **${e(m.incident.status)}** · incident ${e(m.incident.id)}` : ''
    }`,
    '',
    ...table(
      m.figures.map((f) => f.label),
      [m.figures.map((f) => f.value)],
    ),
    '',
  ];
  out.push(
    ...section(
      'summary',
      m.summary.flatMap((s) => [e(s), '']),
      '',
    ),
  );
  out.push(
    ...section(
      'timeline',
      m.timeline.length === 0
        ? []
        : table(
            ['When (UTC)', 'What', 'Detail', 'Source'],
            m.timeline.map((t) => [when(t.at), t.kind.replace(/_/g, ' '), t.text, t.source]),
          ),
      'Nothing happened in this window.',
    ),
  );
  out.push(
    ...section(
      'affected',
      m.affectedDags.length === 0
        ? []
        : table(
            ['DAG', 'Runs', 'Failed', 'Last failure', 'Downstream'],
            m.affectedDags.map((d) => [
              d.dagId,
              String(d.runs),
              String(d.failedRuns),
              when(d.lastFailureAt),
              d.downstream.length === 0
                ? 'nothing downstream'
                : `${d.downstream.map((i) => `${i.name} (${i.label === 'Dag' ? 'DAG' : 'asset'})`).join(', ')}${d.downstreamMore > 0 ? ` and ${d.downstreamMore} more` : ''}`,
            ]),
          ),
      'No DAG failed.',
    ),
  );
  out.push(
    ...section(
      'durations',
      m.durationCharts.length === 0
        ? []
        : [
            ...table(
              ['DAG', 'Runs', 'Failed', 'Runs charted', 'Median charted', 'Slowest charted'],
              m.durationCharts.map((c) => [
                c.dagId,
                String(c.runs),
                String(c.failedRuns),
                String(c.points.length),
                c.median === null ? '—' : formatSeconds(c.median),
                formatSeconds(Math.max(0, ...c.points.map((p) => p.durationS))),
              ]),
            ),
            '',
            `*Runs and Failed count this report's window; the charted runs span ${e(when(m.durationCharts[0]?.from ?? null))} to ${e(when(m.window.to))} UTC.*`,
          ],
      'No run durations in this window.',
    ),
  );
  out.push(
    ...section(
      'anomalies',
      m.anomalies.length === 0
        ? []
        : table(
            ['Severity', 'Anomaly', 'DAG', 'Expected', 'Observed', 'Starts'],
            m.anomalies.map((a) => [
              a.severity,
              a.occurrences > 1 ? `${a.title} (×${a.occurrences})` : a.title,
              a.taskId === null ? a.dagId : `${a.dagId} › ${a.taskId}`,
              a.expected,
              a.observed,
              when(a.startsAt),
            ]),
          ),
      'No anomaly was detected.',
    ),
  );
  out.push(
    ...section(
      'patterns',
      m.errorPatterns.flatMap((p) => [
        `### ${e(p.exception || 'Error')} (${p.count} failures${p.isNew ? ', new' : ''})`,
        '',
        `First seen ${e(when(p.firstSeen))}, last seen ${e(when(p.lastSeen))} UTC. Template: ${e(p.template)}`,
        '',
        ...(p.samples.length > 0
          ? [markdownCodeBlock(p.samples.map((s) => `${s.dagId} › ${s.taskId} (${s.runId})\n  ${s.line}`).join('\n')), '']
          : []),
      ]),
      'No error pattern was seen.',
    ),
  );
  out.push(
    ...section(
      'actions',
      m.actions.length === 0
        ? []
        : table(
            ['When (UTC)', 'Who', 'Action', 'Targets', 'Result'],
            m.actions.map((a) => [when(a.at), a.osUser, a.action.replace(/_/g, ' '), a.targets.join(', '), `${a.result}: ${a.message}`]),
          ),
      'No action was taken on Airflow from ORC AI Desk.',
    ),
  );
  out.push(
    ...section(
      'copilot',
      m.copilotFindings.flatMap((f) => [
        `### ${e(f.title)}`,
        '',
        '> **Copilot finding**, generated by a local language model: verify before acting.',
        '>',
        ...f.text.split(/\r?\n/).map((line) => `> ${e(line)}`),
        '',
      ]),
      'No copilot answer is part of this report.',
    ),
  );
  if (m.kind === 'incident') {
    out.push(
      ...section(
        'evidence',
        m.evidence.flatMap((p) => [
          `### ${e(p.title)}`,
          '',
          ...p.facts.map(([k, v]) => `- ${e(k)}: ${e(v)}`),
          ...(p.facts.length > 0 ? [''] : []),
          ...(p.body !== null ? [markdownCodeBlock(p.body), ''] : []),
          ...(p.table !== null ? [...table(p.table.columns, p.table.rows), ''] : []),
        ]),
        'Nothing is pinned.',
      ),
    );
    const notes = m.incident?.notes.filter((n) => n.kind === 'note') ?? [];
    out.push(
      ...section(
        'notes',
        notes.map((n) => `- ${e(when(n.at))} **${e(n.author)}**: ${e(n.text)}`),
        'No notes.',
      ),
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
