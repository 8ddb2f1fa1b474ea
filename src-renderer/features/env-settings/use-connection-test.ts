import { useEffect } from 'react';
import type { ConnectionTestResult } from '../../../src-shared/domain/connection-result';
import type { RequestInput } from '../../../src-shared/api/contract';
import { useApiMutation } from '../../platform/api/use-api-mutation';

export interface ConnectionTest {
  run: (target: RequestInput<'envs.test'>) => void;
  result: ConnectionTestResult | undefined;
  error: Error | null;
  pending: boolean;
}

/** "Test connection" for a draft or a saved environment; the result is dropped when `stamp` (the draft) changes. */
export function useConnectionTest(stamp: unknown): ConnectionTest {
  const test = useApiMutation('envs.test');
  const { reset } = test;
  useEffect(() => reset(), [stamp, reset]);
  return { run: (target) => test.mutate(target), result: test.data, error: test.error, pending: test.isPending };
}
