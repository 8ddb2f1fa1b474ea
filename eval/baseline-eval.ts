import type { Finding } from '../src-main/services/analytics/finding';
import type { EnvHistory } from '../src-main/services/analytics/history-types';
import type { SynthLabel } from '../src-main/services/synth/label-types';
import { BASELINES } from './baselines';
import { COMPATIBLE, labelsOfFinding } from './match-findings';

/** What one alerting rule (a baseline, or the detectors restricted to the same kind) did on one seed, over the labels it could read. */
export interface RuleOutcome {
  readonly rule: string;
  readonly alerts: number;
  readonly trueAlerts: number;
  readonly labels: number;
  readonly found: number;
}

/** The labels a rule emitting `kind` could be right about (their kind accepts it). */
function inScope(kind: Finding['kind'], labels: readonly SynthLabel[]): SynthLabel[] {
  return labels.filter((l) => COMPATIBLE[l.kind].includes(kind));
}

function outcome(rule: string, kind: Finding['kind'], findings: readonly Finding[], labels: readonly SynthLabel[]): RuleOutcome {
  const scope = inScope(kind, labels);
  const found = new Set<string>();
  let trueAlerts = 0;
  for (const f of findings) {
    const hits = labelsOfFinding(f, scope);
    if (hits.length > 0) trueAlerts++;
    for (const l of hits) found.add(l.labelId);
  }
  return { rule, alerts: findings.length, trueAlerts, labels: scope.length, found: found.size };
}

/** Each baseline beside the detectors' own findings of the same kind, on one seed. */
export function baselineOutcomes(history: EnvHistory, findings: readonly Finding[], labels: readonly SynthLabel[]): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const b of BASELINES) out.push(outcome(b.name, b.kind, b.alerts(history), labels));
  for (const kind of [...new Set(BASELINES.map((b) => b.kind))]) {
    // The detectors' findings of every kind these labels are (a slowdown is its own kind, not a spike).
    const kinds = new Set<Finding['kind']>(inScope(kind, labels).map((l) => l.kind));
    out.push(
      outcome(
        `detectors on the same labels as ${kind} rules`,
        kind,
        findings.filter((f) => kinds.has(f.kind)),
        labels,
      ),
    );
  }
  return out;
}

export interface RuleRow extends RuleOutcome {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falsePerDag30: number;
}

/** Sums each rule over the seeds. */
export function ruleRows(perSeed: readonly (readonly RuleOutcome[])[], dags: number, days: number): RuleRow[] {
  const byRule = new Map<string, RuleOutcome[]>();
  for (const seed of perSeed) for (const o of seed) byRule.set(o.rule, [...(byRule.get(o.rule) ?? []), o]);
  return [...byRule].map(([rule, list]) => {
    const sum = (pick: (o: RuleOutcome) => number): number => list.reduce((a, o) => a + pick(o), 0);
    const alerts = sum((o) => o.alerts);
    const trueAlerts = sum((o) => o.trueAlerts);
    const labels = sum((o) => o.labels);
    const found = sum((o) => o.found);
    const precision = alerts === 0 ? 0 : trueAlerts / alerts;
    const recall = labels === 0 ? NaN : found / labels;
    const f1 = precision + recall === 0 || !Number.isFinite(recall) ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      rule,
      alerts,
      trueAlerts,
      labels,
      found,
      precision,
      recall,
      f1,
      falsePerDag30: (alerts - trueAlerts) / (list.length * dags * (days / 30)),
    };
  });
}
