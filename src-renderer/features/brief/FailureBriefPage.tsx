import type { Environment } from '../../../src-shared/domain/environment';
import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { ActionButtons, type ActionChoice } from '../actions/ActionButtons';
import { useApiQuery } from '../../platform/api/use-api-query';
import { explainHref } from '../../platform/routing/copilot-route';
import { useModelStatus } from '../../platform/api/use-model-status';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { compareHref, dagHref, runHref } from '../../platform/routing/investigate-links';
import type { Route } from '../../platform/routing/route';
import { BriefChanges } from './BriefChanges';
import { BriefError } from './BriefError';
import { BriefHistory } from './BriefHistory';
import { BriefImpact } from './BriefImpact';
import { BriefRunLine } from './BriefRunLine';

/** The actions that fit a failed run, each through the preview-and-confirm dialog. */
function choicesFor(b: FailureBrief): ActionChoice[] {
  const { dagId, runId } = b;
  const failing = b.failedTask;
  return [
    ...(failing === null
      ? []
      : [
          {
            label: `Clear ${failing.taskId}`,
            actions: [{ kind: 'clear_task_instances' as const, dagId, runId, taskIds: [failing.taskId], onlyFailed: false }],
          },
          {
            label: `Clear ${failing.taskId} and downstream`,
            actions: [
              {
                kind: 'clear_task_instances' as const,
                dagId,
                runId,
                taskIds: [failing.taskId],
                onlyFailed: false,
                includeDownstream: true,
              },
            ],
          },
        ]),
    { label: 'Mark run success', actions: [{ kind: 'mark_run', dagId, runId, newState: 'success' }] },
  ];
}

/** One failed run briefed without any model: the error first (seen without scrolling), then changes, impact and history. */
export function FailureBriefPage({ env, params }: { env: Environment; params: Route['params'] }) {
  const dagId = params.dag ?? '';
  const runId = params.run ?? '';
  const taskId = params.task ?? '';
  const brief = useApiQuery(
    'failures.brief',
    { envId: env.id, dagId, runId, ...(taskId !== '' ? { taskId } : {}) },
    { enabled: dagId !== '' && runId !== '' },
  );
  const model = useModelStatus();
  if (dagId === '' || runId === '') return <ErrorPanel error={new Error('This link names no run.')} title="No run" />;
  if (brief.error !== null) return <ErrorPanel error={brief.error} title="The failure brief could not be loaded" />;
  if (brief.data === undefined) return <Loading label="Briefing the failure…" />;
  const b = brief.data;
  return (
    <div className="page brief-page">
      <PageHeader title="Failure brief" subtitle={`${env.name} · ${dagId}`}>
        <a className="button" href={runHref(env.id, dagId, runId)}>
          Run page
        </a>
        <a className="button" href={dagHref(env.id, dagId)}>
          DAG grid
        </a>
        {b.changes.previousSuccess !== null ? (
          <a className="button" href={compareHref(env.id, dagId, b.changes.previousSuccess.runId, runId)}>
            Compare with the last success
          </a>
        ) : null}
        {model?.state === 'loaded' ? (
          <a className="button" href={explainHref({ dagId, runId, ...(b.failedTask ? { taskId: b.failedTask.taskId } : {}) }, env.id)}>
            Ask the copilot
          </a>
        ) : null}
        <ActionButtons env={env} choices={choicesFor(b)} />
      </PageHeader>
      <BriefRunLine brief={b} />
      <BriefError brief={b} />
      <div className="brief-columns">
        <BriefChanges brief={b} />
        <BriefImpact brief={b} />
      </div>
      <BriefHistory brief={b} />
    </div>
  );
}
