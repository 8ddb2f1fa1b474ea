import type { AnomalySummary } from '../src-shared/domain/analytics';
import { AnalyticsStore } from '../src-main/services/analytics/analytics-store';
import { loadEnvHistory } from '../src-main/services/analytics/history-load';
import { scoreEnvironment } from '../src-main/services/analytics/score-environment';
import { DEMO_DAGS, DEMO_DAYS, DEMO_SEED } from '../src-main/services/demo/demo-environment';
import type { SynthLabel } from '../src-main/services/synth/label-types';
import { labelsOfFinding } from './match-findings';
import { EVAL_AS_OF, syntheticEnv } from './synthetic-env';

/** One row of the Demo's anomaly list, in the order the app shows it, with the labels it matches. */
export interface RankedFinding {
  readonly rank: number;
  readonly summary: AnomalySummary;
  readonly labelIds: readonly string[];
}

export interface DemoRanking {
  readonly total: number;
  readonly labels: number;
  readonly top: readonly RankedFinding[];
  /** Findings of the first 20 (or all, when fewer) that match a label. */
  readonly labelledInTop20: number;
  readonly topCount: number;
  /** Rank (1-based) of the first finding of the newest labelled incident; null when none of its findings is listed. */
  readonly newestLabelRank: number | null;
  readonly newestLabelId: string | null;
}

const TOP = 20;

/**
 * Builds the Demo (its seed, DAG count and days) at the eval's "now", scores
 * it, stores the findings the way the app does and reads the list back in the
 * app's order: how many of the first 20 are labelled incidents, and where the
 * newest labelled incident sits.
 */
export function demoRanking(asOf = EVAL_AS_OF): DemoRanking {
  const env = syntheticEnv(DEMO_SEED, DEMO_DAGS, DEMO_DAYS, asOf);
  try {
    const history = loadEnvHistory(env.db, env.envId, asOf);
    const scored = scoreEnvironment(history);
    const store = new AnalyticsStore(env.db);
    store.replace(env.envId, history.asOfMs, scored.findings, scored.patterns, [], {
      fingerprint: 'eval',
      tiCount: history.taskInstanceCount,
      modelJson: '{}',
    });
    const list = store.list({ envId: env.envId, limit: 1000 });
    const key = (kind: string, dagId: string, taskId: string | null, startsAt: string): string =>
      `${kind}|${dagId}|${taskId ?? ''}|${startsAt}`;
    const findings = new Map(scored.findings.map((f) => [key(f.kind, f.dagId, f.taskId, new Date(f.startsMs).toISOString()), f]));
    const labels: readonly SynthLabel[] = env.labels;
    const ranked = list.items.map((summary, i): RankedFinding => {
      const f = findings.get(key(summary.kind, summary.dagId, summary.taskId, summary.startsAt));
      return { rank: i + 1, summary, labelIds: f ? labelsOfFinding(f, labels).map((l) => l.labelId) : [] };
    });
    const top = ranked.slice(0, TOP);
    const newest = [...labels].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0] ?? null;
    const newestRank = newest === null ? null : (ranked.find((r) => r.labelIds.includes(newest.labelId))?.rank ?? null);
    return {
      total: list.total,
      labels: labels.length,
      top,
      labelledInTop20: top.filter((r) => r.labelIds.length > 0).length,
      topCount: top.length,
      newestLabelRank: newestRank,
      newestLabelId: newest?.labelId ?? null,
    };
  } finally {
    env.dispose();
  }
}

/** The Demo-ranking goals as eval figures: ≥ 18 of the first 20 labelled, the newest labelled incident in the first 5. */
export function demoResults(d: DemoRanking): { name: string; value: number; unit: string; goal?: number; met?: boolean }[] {
  const wanted = Math.min(18, Math.ceil(0.9 * d.topCount));
  return [
    { name: 'Demo findings listed', value: d.total, unit: 'count' },
    {
      name: `Demo labelled incidents in the first ${d.topCount}`,
      value: d.labelledInTop20,
      unit: 'count',
      goal: wanted,
      met: d.labelledInTop20 >= wanted,
    },
    {
      name: 'Demo rank of the newest labelled incident',
      value: d.newestLabelRank ?? NaN,
      unit: 'rank',
      goal: 5,
      met: d.newestLabelRank !== null && d.newestLabelRank <= 5,
    },
  ];
}
