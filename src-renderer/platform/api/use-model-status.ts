import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ModelStatus } from '../../../src-shared/domain/copilot-models';
import { useApi } from './api-context';
import { useApiQuery } from './use-api-query';

const STATUS_KEY = ['llm.status', {}] as const;

/** The model's status from `llm.status`, kept live (load progress included) by its event. */
export function useModelStatus(): ModelStatus | undefined {
  const api = useApi();
  const client = useQueryClient();
  const query = useApiQuery('llm.status', {});
  useEffect(
    () =>
      api.on('llm.status', (status) => {
        client.setQueryData<ModelStatus>(STATUS_KEY, status);
        if (status.state !== 'loading') void client.invalidateQueries({ queryKey: ['llm.models.list'] });
      }),
    [api, client],
  );
  return query.data;
}
