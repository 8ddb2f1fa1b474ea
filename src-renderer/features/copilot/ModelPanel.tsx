import type { ModelStatus } from '../../../src-shared/domain/copilot-models';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { EmbeddingFolderForm } from '../similar-failures/EmbeddingFolderForm';
import { ModelFolderForm } from './ModelFolderForm';
import { ModelGuidance } from './ModelGuidance';
import { ModelRow } from './ModelRow';

function StatusLine({ status }: { status: ModelStatus | undefined }) {
  if (status === undefined || status.state === 'none') return <p className="copilot-muted model-status">No model loaded.</p>;
  if (status.state === 'loading')
    return (
      <p className="model-status">
        Loading {status.file}… {Math.round((status.progress ?? 0) * 100)}%
      </p>
    );
  if (status.state === 'failed') return <p className="copilot-error model-status">{status.error}</p>;
  return (
    <p className="model-status" data-testid="model-loaded">
      {status.file} on {status.device?.note ?? 'the CPU'} · context {status.contextSize} · loaded in {Math.round(status.loadMs ?? 0)} ms
    </p>
  );
}

/** Settings > Models: the folder, its GGUF files, load and unload, what is loaded where, and how the measured models answered. */
export function ModelPanel({ status }: { status: ModelStatus | undefined }) {
  const settings = useApiQuery('llm.settings.get', {});
  const list = useApiQuery('llm.models.list', {});
  const load = useApiMutation('llm.load');
  const unload = useApiMutation('llm.unload');
  const error = load.error ?? unload.error;
  return (
    <section className="copilot-models" aria-label="Models">
      <h2 className="section-title">Models</h2>
      {settings.data ? <ModelFolderForm modelsDir={settings.data.modelsDir} suggestedDir={settings.data.suggestedDir} /> : null}
      <StatusLine status={status} />
      {list.data?.error ? <p className="copilot-error">{list.data.error}</p> : null}
      {list.data && list.data.modelsDir !== null && list.data.models.length === 0 && list.data.error === null ? (
        <p className="copilot-muted">No .gguf files in this folder.</p>
      ) : null}
      <ul className="model-list">
        {(list.data?.models ?? []).map((m) => (
          <ModelRow
            key={m.file}
            model={m}
            status={status}
            onLoad={() => load.mutate({ file: m.file })}
            onUnload={() => unload.mutate({})}
          />
        ))}
      </ul>
      {error !== null ? <ApiErrorNotice error={error} title="The model request failed" /> : null}
      <ModelGuidance currentFile={status?.file ?? null} />
      <EmbeddingFolderForm />
    </section>
  );
}
