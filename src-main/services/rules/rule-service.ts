import type Database from 'better-sqlite3';
import type { AppNotification, Rule, RuleDraft, RuleFiring } from '../../../src-shared/domain/rules';
import { evaluateRule, ruleCoversEnv } from './evaluate-rule';
import type { ExternalNotifier } from './external-notifier';
import { FiringStore } from './firing-store';
import { loadRuleInputs } from './rule-inputs';
import { RuleStore } from './rule-store';

const DAY = 86_400_000;
/** Preview and a first evaluation look this far back. */
export const PREVIEW_DAYS = 30;
/** Each evaluation re-reads this much before the last one: rows that arrived late still fire (dedupe keeps it idempotent). */
const OVERLAP_MS = 2 * DAY;
/** On a first evaluation, only what happened in the last day is news; older firings are stored quietly. */
const FIRST_NEWS_MS = DAY;
/** Toasts per evaluation; the rest wait in the notifications list. */
const MAX_EVENTS = 5;

export interface EvaluationOutcome {
  readonly firings: number;
  readonly notified: number;
}

export interface RuleServiceDeps {
  readonly db: Database.Database;
  /** Announces a new in-app notification (the engine emits `notifications.new`). */
  readonly onNotification: (n: AppNotification) => void;
  readonly external?: readonly ExternalNotifier[];
  readonly log?: (message: string) => void;
}

/**
 * Evaluates user rules after each scoring of an environment (every sync, and
 * the Demo once built), stores each firing once, and notifies what is new.
 * A firing may propose an action; nothing is ever changed in Airflow here.
 */
export class RuleService {
  readonly rules: RuleStore;
  readonly firings: FiringStore;

  constructor(private readonly deps: RuleServiceDeps) {
    this.rules = new RuleStore(deps.db);
    this.firings = new FiringStore(deps.db);
  }

  /** What a rule (saved or draft) would have fired on in the last 30 days of an environment; nothing is stored. */
  preview(rule: RuleDraft | Rule, envId: string, asOf: string): RuleFiring[] {
    const toMs = Date.parse(asOf);
    return evaluateRule({ ...rule, enabled: true }, loadRuleInputs(this.deps.db, envId, toMs - PREVIEW_DAYS * DAY, toMs));
  }

  /** Records a rule's firings of the last 30 days without notifying (after a save, so its history is there at once). */
  backfill(rule: Rule, envId: string, asOf: string): number {
    if (!ruleCoversEnv(rule, envId)) return 0;
    return this.firings.record(this.preview(rule, envId, asOf).map((f) => ({ ...f, ruleId: rule.ruleId, ruleVersion: rule.version })))
      .length;
  }

  /** Every enabled rule over what changed since the last evaluation; new firings after it notify. */
  evaluate(envId: string, asOf: string): EvaluationOutcome {
    const toMs = Date.parse(asOf);
    const last = this.firings.evaluatedTo(envId);
    const lastMs = last === null ? NaN : Date.parse(last);
    const fromMs = Number.isFinite(lastMs)
      ? Math.max(toMs - PREVIEW_DAYS * DAY, Math.min(lastMs, toMs) - OVERLAP_MS)
      : toMs - PREVIEW_DAYS * DAY;
    const newsFromMs = Number.isFinite(lastMs) ? Math.min(lastMs, toMs) - OVERLAP_MS : toMs - FIRST_NEWS_MS;
    const inputs = loadRuleInputs(this.deps.db, envId, fromMs, toMs);
    let firings = 0;
    let notified = 0;
    for (const rule of this.rules.list()) {
      if (!ruleCoversEnv(rule, envId)) continue;
      const fresh = this.firings.record(evaluateRule(rule, inputs));
      firings += fresh.length;
      const wantsNotice = rule.notify.inApp || rule.notify.desktop || rule.notify.slack;
      for (const f of fresh) {
        if (!wantsNotice || Date.parse(f.at) < newsFromMs) continue;
        const n = this.firings.notify(f, rule.notify.desktop);
        if (notified++ < MAX_EVENTS) this.deps.onNotification(n);
        if (rule.notify.slack) this.sendExternal(n);
      }
    }
    this.firings.setEvaluatedTo(envId, asOf);
    return { firings, notified };
  }

  private sendExternal(n: AppNotification): void {
    for (const notifier of this.deps.external ?? []) {
      notifier
        .send(n)
        .catch((error: unknown) =>
          this.deps.log?.(`${notifier.channel} notification failed: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
  }
}
