import type { EvalReport } from './run-eval';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const n = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** The eval's tables as text: per incident kind, per seed, and the goals. */
export function formatReport(report: EvalReport): string {
  const { options } = report;
  const fresh = options.freshSeeds ?? [];
  const head = `Evaluation: ${options.seeds.length} fixed seeds (${options.seeds.join(', ')})${fresh.length ? ` + ${fresh.length} fresh (${fresh.join(', ')})` : ''} × ${options.dags} DAGs × ${options.days} days`;
  const kinds = table(
    ['incident kind', 'labels', 'found', 'alerts', 'precision', 'recall', 'F1', 'median delay h', 'after evidence h', 'goal h'],
    report.kinds.map((k) => [
      k.kind,
      String(k.labels),
      String(k.detected),
      String(k.alerts),
      n(k.precision),
      n(k.recall),
      n(k.f1),
      n(k.medianDelayH, 1),
      n(k.medianEvidenceDelayH, 1),
      k.goalH === undefined ? '' : `≤ ${k.goalH}`,
    ]),
  );
  const rules = table(
    ['alert rule (side by side)', 'alerts', 'false', 'false/DAG/30d', 'labels', 'found', 'precision', 'recall', 'F1'],
    report.rules.map((r) => [
      r.rule,
      String(r.alerts),
      String(r.alerts - r.trueAlerts),
      n(r.falsePerDag30),
      String(r.labels),
      String(r.found),
      n(r.precision),
      n(r.recall),
      n(r.f1),
    ]),
  );
  const demo =
    report.demo === null
      ? []
      : [
          '',
          `Demo anomaly list (app order): ${report.demo.total} findings, ${report.demo.labels} labelled incidents; ${report.demo.labelledInTop20} of the first ${report.demo.topCount} are labelled; newest labelled incident (${report.demo.newestLabelId ?? '—'}) at rank ${report.demo.newestLabelRank ?? '—'}`,
          ...report.demo.top.map(
            (r) =>
              `  ${String(r.rank).padStart(2)}. ${r.summary.endsAt.slice(0, 16)} ${r.summary.severity.padEnd(8)} ${r.summary.kind.padEnd(17)} ${r.summary.dagId}${r.summary.taskId ? `.${r.summary.taskId}` : ''} ${r.labelIds.length ? `[${r.labelIds.join(', ')}]` : '[no label]'}`,
          ),
        ];
  const seeds = table(
    [
      'seed',
      'labels',
      'excluded',
      'alerts',
      'false',
      'F1',
      'IF F1',
      'grouping',
      'PR AUC model',
      'last',
      'rate10',
      'late PR AUC',
      'last',
      'rate10',
      'score ms',
    ],
    report.seeds.map((s) => {
      const alerts = s.findings.length;
      const tp = s.match.trueAlerts.length;
      const p = alerts === 0 ? 0 : tp / alerts;
      const r = s.match.labels.length === 0 ? 1 : s.match.labels.filter((o) => o.detected).length / s.match.labels.length;
      return [
        `${s.seed}${s.fresh ? ' (fresh)' : ''}`,
        String(s.match.labels.length),
        String(s.excluded),
        String(alerts),
        String(s.match.falseAlerts.length),
        n(p + r === 0 ? 0 : (2 * p * r) / (p + r)),
        n(s.outliers.f1),
        n(s.grouping.accuracy),
        n(s.prediction.model.prAuc),
        n(s.prediction.lastState.prAuc),
        n(s.prediction.rate10.prAuc),
        n(s.prediction.late.model.prAuc),
        n(s.prediction.late.lastState.prAuc),
        n(s.prediction.late.rate10.prAuc),
        n(s.scoreMs, 0),
      ];
    }),
  );
  const goals = table(
    ['figure', 'value', 'unit', 'goal', 'met'],
    report.results.map((r) => [
      r.name,
      n(r.value, r.unit === 'score' ? 5 : 3),
      r.unit,
      r.goal === undefined ? '' : String(r.goal),
      r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    ]),
  );
  const falseList = report.seeds.flatMap((s) =>
    s.match.falseAlerts.map((f) => `  seed ${s.seed}: ${f.kind} ${f.dagId}${f.taskId ? `.${f.taskId}` : ''} — ${f.title}`),
  );
  const missed = report.seeds.flatMap((s) =>
    s.match.labels
      .filter((o) => !o.detected)
      .map((o) => `  seed ${s.seed}: ${o.label.kind} ${o.label.dagId}${o.label.taskId ? `.${o.label.taskId}` : ''}`),
  );
  return [
    head,
    '',
    kinds,
    '',
    seeds,
    '',
    rules,
    ...demo,
    '',
    goals,
    '',
    'False alerts:',
    ...(falseList.length ? falseList : ['  none']),
    '',
    'Missed incidents:',
    ...(missed.length ? missed : ['  none']),
  ].join('\n');
}
