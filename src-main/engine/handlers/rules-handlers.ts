import { ApiError } from '../../../src-shared/api/errors';
import { RulesFile } from '../../../src-shared/domain/rules';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type RulesRequest =
  | 'rules.list'
  | 'rules.save'
  | 'rules.delete'
  | 'rules.preview'
  | 'rules.export'
  | 'rules.import'
  | 'rules.firings'
  | 'notifications.list'
  | 'notifications.markRead';

function parseRulesFile(text: string): RulesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'That file is not JSON.', 'Choose a file written by Export rules.');
  }
  const parsed = RulesFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      'invalid_input',
      `That is not a rules file: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected content'}.`,
      'Choose a file written by Export rules.',
    );
  }
  return parsed.data;
}

export function rulesHandlers(ctx: EngineContext): Pick<Handlers, RulesRequest> {
  const service = ctx.rules;
  /** Records a saved rule's last 30 days in every environment it covers, quietly. */
  const backfill = (ruleId: string): void => {
    const rule = service.rules.get(ruleId);
    if (!rule) return;
    for (const env of ctx.envs.list()) {
      const asOf = ctx.envs.asOf(env.id);
      if (asOf !== null) service.backfill(rule, env.id, asOf);
    }
  };
  return {
    'rules.list': () => service.rules.list(),
    'rules.save': ({ ruleId, rule }) => {
      if (ruleId !== null && service.rules.get(ruleId) === null)
        throw new ApiError('not_found', 'That rule was deleted.', 'Create it again.');
      const saved = service.rules.save(rule, ruleId);
      backfill(saved.ruleId);
      return saved;
    },
    'rules.delete': ({ ruleId }) => ({ deleted: service.rules.remove(ruleId) }),
    'rules.preview': ({ envId, rule }, { env }) => {
      const to = Date.parse(env.asOf);
      return {
        from: new Date(to - 30 * 86_400_000).toISOString(),
        to: new Date(to).toISOString(),
        firings: service.preview(rule, envId, env.asOf),
      };
    },
    'rules.export': () => service.rules.exportFile(),
    'rules.import': ({ text }) => {
      const file = parseRulesFile(text);
      const outcome = service.rules.importFile(file);
      for (const rule of file.rules) backfill(rule.ruleId);
      return outcome;
    },
    'rules.firings': ({ envId, ruleId, limit }) => service.firings.firings(envId, limit, ruleId),
    'notifications.list': ({ limit }) => service.firings.notifications(limit),
    'notifications.markRead': ({ ids }) => ({ marked: service.firings.markRead(ids) }),
  };
}
