import type { RiskItem } from '../../../src-shared/domain/analytics';
import { useApiQuery } from '../../platform/api/use-api-query';

/** The riskiest task of each DAG (its badge), keyed by DAG id. */
export function useDagRisks(envId: string | null): ReadonlyMap<string, RiskItem> {
  const risks = useApiQuery('risks.list', { envId: envId ?? 'demo', limit: 5000 }, { enabled: envId !== null });
  const byDag = new Map<string, RiskItem>();
  for (const r of risks.data ?? []) if (!byDag.has(r.dagId)) byDag.set(r.dagId, r);
  return byDag;
}
