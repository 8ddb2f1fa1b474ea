import { useCallback } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { useEnvironments } from './use-environments';

export interface CurrentEnv {
  env: Environment | null;
  envs: Environment[];
  isLoading: boolean;
  select(envId: string): void;
}

/** The environment every page is scoped to: the one saved in settings, else the first. */
export function useCurrentEnv(): CurrentEnv {
  const { envs, isLoading } = useEnvironments();
  const settings = useApiQuery('settings.get', {});
  const update = useApiMutation('settings.update');
  const savedId = settings.data?.currentEnvId ?? null;
  const env = envs.find((candidate) => candidate.id === savedId) ?? envs[0] ?? null;
  const { mutate } = update;
  const select = useCallback((envId: string) => mutate({ currentEnvId: envId }), [mutate]);
  return { env, envs, isLoading: isLoading || settings.isLoading, select };
}
