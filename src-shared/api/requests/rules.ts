import { z } from 'zod';
import { defineEvent, defineRequest } from '../define';
import { EnvId, IsoTime } from '../../domain/ids';
import { AppNotification, Rule, RuleDraft, RuleFiring, RulesFile } from '../../domain/rules';

const RuleId = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const rulesRequests = {
  'rules.list': defineRequest('Every rule, newest edit first', z.object({}).strict(), z.array(Rule), { scope: 'app', reads: ['rules'] }),
  'rules.save': defineRequest(
    'Creates a rule, or saves a new version of one; its firings of the last 30 days are recorded quietly',
    z.object({ ruleId: RuleId.nullable(), rule: RuleDraft }).strict(),
    Rule,
    { scope: 'app', changes: ['rules'] },
  ),
  'rules.delete': defineRequest(
    'Deletes a rule (its past firings stay)',
    z.object({ ruleId: RuleId }).strict(),
    z.object({ deleted: z.boolean() }),
    { scope: 'app', changes: ['rules'] },
  ),
  'rules.preview': defineRequest(
    'What a rule would have fired on in the last 30 days of one environment (nothing is stored)',
    z.object({ envId: EnvId, rule: RuleDraft }).strict(),
    z.object({ from: IsoTime, to: IsoTime, firings: z.array(RuleFiring) }),
    { scope: 'environment', reads: ['rules', 'analytics', 'runs', 'task_instances'] },
  ),
  'rules.export': defineRequest('Every rule as a versioned JSON file', z.object({}).strict(), RulesFile, {
    scope: 'app',
    reads: ['rules'],
  }),
  'rules.import': defineRequest(
    'Adds the rules of an exported file; a known rule with another definition becomes its next version',
    z.object({ text: z.string().min(2).max(2_000_000) }).strict(),
    z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    { scope: 'app', changes: ['rules'] },
  ),
  'rules.firings': defineRequest(
    'Stored firings of one environment, newest first',
    z.object({ envId: EnvId, ruleId: RuleId.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.array(RuleFiring),
    { scope: 'environment', reads: ['rules'] },
  ),
  'notifications.list': defineRequest(
    'In-app notifications, newest first',
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.array(AppNotification),
    { scope: 'app', reads: ['notifications'] },
  ),
  'notifications.markRead': defineRequest(
    'Marks notifications read (all when ids is null)',
    z.object({ ids: z.array(z.number().int()).max(500).nullable() }).strict(),
    z.object({ marked: z.number().int() }),
    { scope: 'app', changes: ['notifications'] },
  ),
} as const;

export const rulesEvents = {
  'notifications.new': defineEvent(
    'A rule fired and asks to notify (toast; desktop notification in the app when `desktop`)',
    AppNotification,
  ),
} as const;
