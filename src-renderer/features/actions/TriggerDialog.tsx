import { useState } from 'react';
import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import type { DagParam } from '../../../src-shared/domain/dag-params';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { FormField } from '../env-settings/FormField';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { ActionDialog } from './ActionDialog';
import { ParamField } from './ParamField';
import { EXTRA_FIELD, initialDraft, readDraft, type ConfDraft } from './trigger-conf-form';

export interface TriggerDialogProps {
  env: Environment;
  dagId: string;
  /** A conf to start from (a copilot proposal's); the params' defaults fill the rest. */
  conf?: Record<string, unknown>;
  onClose: () => void;
}

/**
 * Trigger a run: a conf editor pre-filled from the DAG's params, each field
 * checked against its param's schema before the preview (the engine checks
 * again before anything reaches Airflow), then the usual preview and
 * confirmation naming the environment.
 */
export function TriggerDialog({ env, dagId, conf, onClose }: TriggerDialogProps) {
  const params = useApiQuery('actions.triggerParams', { envId: env.id, dagId });
  if (params.data === undefined) {
    return (
      <Dialog title={`Trigger ${dagId}`} subtitle={`Environment: ${env.name}`} onClose={onClose} wide>
        {params.error !== null ? (
          <ErrorPanel error={params.error} title="The DAG's params could not be read" />
        ) : (
          <Loading label="Reading the DAG's params…" />
        )}
      </Dialog>
    );
  }
  return <TriggerForm env={env} dagId={dagId} params={params.data.params} conf={conf ?? {}} onClose={onClose} />;
}

function TriggerForm({
  env,
  dagId,
  params,
  conf,
  onClose,
}: {
  env: Environment;
  dagId: string;
  params: DagParam[];
  conf: Record<string, unknown>;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ConfDraft>(() => initialDraft(params, conf));
  const [runId, setRunId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [action, setAction] = useState<AirflowActionInput | null>(null);
  if (action !== null) return <ActionDialog env={env} title={`Trigger ${dagId}`} actions={[action]} onClose={onClose} />;
  const preview = () => {
    const read = readDraft(params, draft);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setAction({
      kind: 'trigger_dag',
      dagId,
      conf: read.conf,
      ...(runId.trim() !== '' ? { runId: runId.trim() } : {}),
      ...(note.trim() !== '' ? { note } : {}),
    });
  };
  const setField = (name: string, text: string) => setDraft((d) => ({ ...d, fields: { ...d.fields, [name]: text } }));
  return (
    <Dialog
      title={`Trigger ${dagId}`}
      subtitle={`Environment: ${env.name}`}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={preview}>
            Preview
          </button>
        </>
      }
    >
      <form
        className="trigger-form"
        onSubmit={(e) => {
          e.preventDefault();
          preview();
        }}
        noValidate
      >
        {params.length === 0 ? (
          <p className="muted">This DAG declares no params (as last synced); the conf is free JSON.</p>
        ) : (
          <h3 className="section-title">Params</h3>
        )}
        {params.map((p) => (
          <ParamField
            key={p.name}
            param={p}
            text={draft.fields[p.name] ?? ''}
            error={errors[p.name]}
            onChange={(text) => setField(p.name, text)}
          />
        ))}
        <FormField label={params.length === 0 ? 'Conf (JSON object)' : 'Other conf keys (JSON object)'} error={errors[EXTRA_FIELD]} wide>
          {(ids) => (
            <textarea
              id={ids.id}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
              className="mono"
              rows={4}
              spellCheck={false}
              value={draft.extra}
              onChange={(e) => setDraft((d) => ({ ...d, extra: e.target.value }))}
            />
          )}
        </FormField>
        <FormField label="Run id (optional)" help="Leave empty and Airflow names the run.">
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              value={runId}
              onChange={(e) => setRunId(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField label="Note (optional)">
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoComplete="off"
            />
          )}
        </FormField>
      </form>
    </Dialog>
  );
}
