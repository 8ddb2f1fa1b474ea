import type { ModelFile, ModelStatus } from '../../../src-shared/domain/copilot-models';
import { formatBytes, formatParameters } from './format-bytes';

const FIT: Readonly<Record<NonNullable<ModelFile['gpuFit']>, string>> = {
  full: 'fits the GPU',
  partial: 'partly on the GPU',
  none: 'too big for the GPU',
  no_gpu: 'CPU only (no GPU)',
};

/** One GGUF file with what its metadata says, and Load / Unload. */
export function ModelRow({
  model,
  status,
  onLoad,
  onUnload,
}: {
  model: ModelFile;
  status: ModelStatus | undefined;
  onLoad: () => void;
  onUnload: () => void;
}) {
  const isCurrent = status?.file === model.file;
  const loaded = isCurrent && status?.state === 'loaded';
  const loading = isCurrent && status?.state === 'loading';
  return (
    <li className="model-row" data-loaded={loaded}>
      <div className="model-name">
        <strong>{model.name ?? model.file}</strong> <span className="copilot-muted">{model.file}</span>
      </div>
      {model.error !== null ? (
        <p className="copilot-error">{model.error}</p>
      ) : (
        <div className="model-facts">
          {model.architecture} · {formatParameters(model.parameters)} parameters · {model.quantization ?? '?'} · context{' '}
          {model.contextLength ?? '?'} · {model.hasChatTemplate ? 'chat template' : 'no chat template'} · ~
          {formatBytes(model.estimatedMemoryBytes)} memory · {model.gpuFit ? FIT[model.gpuFit] : ''}
        </div>
      )}
      {loading ? <progress className="model-progress" max={1} value={status?.progress ?? 0} aria-label={`Loading ${model.file}`} /> : null}
      <div className="model-actions">
        {loaded ? (
          <button type="button" className="button button-small" onClick={onUnload}>
            Unload
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={model.error !== null || status?.state === 'loading'}
            onClick={onLoad}
          >
            Load
          </button>
        )}
      </div>
    </li>
  );
}
