import type { ReportModel } from '../../../src-main/services/reports/report-model';

/** Text an attacker could put in Airflow: DAG ids, task ids, log lines, notes, conf. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '[click me](javascript:alert(1))',
  '![tracker](http://evil.example/pixel.png)',
  '```\nrm -rf /\n```',
  '`code` *bold* _it_ | pipe | # heading',
  '" onmouseover="alert(1)',
  '<style>body{background:url(http://evil.example/x)}</style>',
];

const dag = HOSTILE[0] ?? '';
const line = HOSTILE.join(' ');

/** A report model with hostile text in every field that comes from Airflow or from people. */
export function hostileModel(): ReportModel {
  const at = '2026-11-21T08:00:00.000Z';
  return {
    kind: 'incident',
    title: `Incident about ${HOSTILE[1] ?? ''}`,
    env: { id: 'demo', name: HOSTILE[2] ?? '', synthetic: true },
    window: { from: '2026-11-20T08:00:00.000Z', to: '2026-11-21T10:00:00.000Z' },
    generatedAt: at,
    incident: {
      id: 'inc-1',
      status: 'open',
      summary: HOSTILE[3] ?? '',
      createdAt: at,
      notes: HOSTILE.map((text, i) => ({ id: `n${i}`, at, author: HOSTILE[6] ?? '', kind: 'note' as const, text })),
    },
    figures: [{ label: 'Failed runs', value: '3', tone: 'bad' }],
    summary: HOSTILE,
    timeline: HOSTILE.map((text) => ({ at, kind: 'failure' as const, text, dagId: dag, route: null, source: 'history' as const })),
    affectedDags: [
      {
        dagId: dag,
        runs: 5,
        failedRuns: 3,
        lastFailureAt: at,
        downstream: [{ name: HOSTILE[1] ?? '', label: 'Dag', envId: 'demo', depth: 1 }],
        downstreamMore: 0,
      },
    ],
    durationCharts: [
      {
        dagId: dag,
        from: '2026-11-14T10:00:00.000Z',
        to: '2026-11-21T10:00:00.000Z',
        points: [
          { runId: HOSTILE[4] ?? '', at: '2026-11-15T10:00:00.000Z', durationS: 300, state: 'success' },
          { runId: 'r2', at: '2026-11-20T10:00:00.000Z', durationS: 900, state: 'failed' },
        ],
        band: [
          { at: '2026-11-15T10:00:00.000Z', p10: 250, median: 300, p90: 350 },
          { at: '2026-11-20T10:00:00.000Z', p10: 260, median: 310, p90: 360 },
        ],
        median: 300,
        runs: 5,
        failedRuns: 3,
      },
    ],
    anomalies: [
      {
        envId: 'demo',
        anomalyId: 'a1',
        kind: 'duration_spike',
        dagId: dag,
        taskId: HOSTILE[5] ?? null,
        runId: null,
        severity: 'high',
        score: 9,
        startsAt: at,
        endsAt: at,
        detectedAt: at,
        title: HOSTILE[1] ?? '',
        expected: HOSTILE[2] ?? '',
        observed: HOSTILE[3] ?? '',
        why: line,
        occurrences: 2,
      },
    ],
    anomalyCharts: [],
    errorPatterns: [
      {
        exception: HOSTILE[0] ?? '',
        template: line,
        count: 4,
        isNew: true,
        firstSeen: at,
        lastSeen: at,
        samples: [{ dagId: dag, taskId: 't', runId: 'r', at, line }],
      },
    ],
    actions: [
      {
        id: 1,
        at,
        osUser: HOSTILE[6] ?? '',
        envId: 'demo',
        envName: 'Demo',
        action: 'clear_task_instances',
        targets: HOSTILE,
        preview: null,
        result: 'succeeded',
        message: HOSTILE[7] ?? '',
      },
    ],
    copilotFindings: [{ title: HOSTILE[2] ?? '', text: line, at }],
    evidence: [
      {
        title: HOSTILE[0] ?? '',
        facts: [[HOSTILE[1] ?? '', HOSTILE[2] ?? '']],
        body: line,
        table: { columns: [HOSTILE[0] ?? ''], rows: [[HOSTILE[3] ?? '']] },
        at,
        route: null,
        generated: false,
        dagIds: [dag],
      },
    ],
  };
}
