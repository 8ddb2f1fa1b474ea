import { useMemo } from 'react';
import type { AnomalyMark } from '../../../src-shared/domain/analytics';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';

export type MarkKind = AnomalyMark['mark'];

export const markKey = (dagId: string, taskId: string | null): string => `${dagId}\u0000${taskId ?? ''}`;

/** Acknowledged and muted tasks of an environment (kept in the local cache), and a way to change them. */
export function useAnomalyMarks(envId: string): {
  byKey: ReadonlyMap<string, MarkKind>;
  set: (dagId: string, taskId: string | null, mark: MarkKind | null) => void;
  pending: boolean;
} {
  const marks = useApiQuery('anomalies.marks', { envId });
  const change = useApiMutation('anomalies.mark');
  const byKey = useMemo(() => new Map((marks.data ?? []).map((m) => [markKey(m.dagId, m.taskId), m.mark])), [marks.data]);
  return {
    byKey,
    set: (dagId, taskId, mark) => change.mutate({ envId, dagId, taskId: taskId ?? '', mark }),
    pending: change.isPending,
  };
}
