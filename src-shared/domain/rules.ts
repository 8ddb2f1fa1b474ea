import { z } from 'zod';
import { AnomalyKind, Severity } from './analytics';
import { EnvId, IsoTime } from './ids';

/** What a rule watches for. Each kind is evaluated over one environment's cached history and scoring. */
export const RuleCondition = z.discriminatedUnion('kind', [
  /** A DAG's runs ended failed this many times in a row. */
  z.object({ kind: z.literal('dag_failed_in_a_row'), runs: z.number().int().min(1).max(50) }).strict(),
  /** A task ran longer than its own 30-day p99 this many times in one UTC day. */
  z.object({ kind: z.literal('duration_above_p99'), times: z.number().int().min(1).max(100) }).strict(),
  /** The failure model gives the task's next run at least this probability of failing. */
  z.object({ kind: z.literal('failure_probability'), above: z.number().min(0.01).max(0.99) }).strict(),
  /** A failure pattern the environment never showed before. */
  z.object({ kind: z.literal('new_error_pattern') }).strict(),
  /** Any anomaly of this kind at this severity or higher. */
  z.object({ kind: z.literal('anomaly'), anomalyKind: AnomalyKind, minSeverity: Severity }).strict(),
]);
export type RuleCondition = z.infer<typeof RuleCondition>;
export type RuleConditionKind = RuleCondition['kind'];

/** An action a firing proposes; a person opens it in the action dialog and confirms it. Never run by a rule. */
export const RuleAction = z.enum(['none', 'pause_dag', 'clear_task']);
export type RuleAction = z.infer<typeof RuleAction>;

const Optional = (max: number) => z.string().trim().min(1).max(max).nullable();

/** A rule as a person writes it. */
export const RuleDraft = z
  .object({
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean(),
    /** Null: every environment. */
    envId: EnvId.nullable(),
    /** Null: every DAG (or task). */
    dagId: Optional(250),
    taskId: Optional(250),
    condition: RuleCondition,
    notify: z.object({ inApp: z.boolean(), desktop: z.boolean(), slack: z.boolean() }).strict(),
    action: RuleAction,
  })
  .strict();
export type RuleDraft = z.infer<typeof RuleDraft>;

/** A stored rule: every save is a new version. */
export const Rule = RuleDraft.extend({
  ruleId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  version: z.number().int().min(1),
  updatedAt: IsoTime,
});
export type Rule = z.infer<typeof Rule>;

/** One time a rule matched one subject (a DAG or a task) in one window. */
export const RuleFiring = z.object({
  envId: EnvId,
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  ruleName: z.string(),
  /** What fired: `dag` or `dag/task`. One firing per rule, subject and window. */
  subject: z.string(),
  window: z.string(),
  dagId: z.string(),
  taskId: z.string().nullable(),
  runId: z.string().nullable(),
  /** When the evidence was there (history time of the environment). */
  at: IsoTime,
  title: z.string(),
  detail: z.string(),
  action: RuleAction,
});
export type RuleFiring = z.infer<typeof RuleFiring>;

/** An in-app notification of a firing (also a toast; a desktop notification in the app). */
export const AppNotification = RuleFiring.extend({
  id: z.number().int(),
  createdAt: IsoTime,
  read: z.boolean(),
  desktop: z.boolean(),
});
export type AppNotification = z.infer<typeof AppNotification>;

/** The JSON a rules export writes and an import reads. */
export const RulesFile = z.object({
  format: z.literal('orc-ai-desk/rules'),
  formatVersion: z.literal(1),
  exportedAt: IsoTime,
  rules: z.array(Rule).max(500),
});
export type RulesFile = z.infer<typeof RulesFile>;
