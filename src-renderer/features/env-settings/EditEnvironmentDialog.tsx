import type { Environment } from '../../../src-shared/domain/environment';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { draftFromInput } from './env-draft';
import { EditEnvironmentForm } from './EditEnvironmentForm';

/** Edit an environment: loads its stored settings (never its secret), then the same form as Add. */
export function EditEnvironmentDialog({ env, onClose }: { env: Environment; onClose: () => void }) {
  const stored = useApiQuery('envs.settings', { envId: env.id });
  const settings = stored.data ?? null;
  if (settings !== null) return <EditEnvironmentForm env={env} initial={draftFromInput(settings)} onClose={onClose} />;
  return (
    <Dialog title={`Edit ${env.name}`} onClose={onClose}>
      {stored.error !== null ? <ErrorPanel error={stored.error} title="The settings could not be read" /> : null}
      {stored.isLoading ? <Loading label="Reading settings…" /> : null}
    </Dialog>
  );
}
