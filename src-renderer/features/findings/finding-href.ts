import type { AnomalyListItem } from '../../../src-shared/api/requests/analytics';
import { briefHref } from '../../platform/routing/brief-route';
import { formatRoute } from '../../platform/routing/route';

/** The Anomalies page with one finding open (over the whole history, so that it is listed). */
export const anomalyHref = (envId: string, anomalyId: string): string =>
  formatRoute('anomalies', { env: envId, anomaly: anomalyId, days: '3650' });

/** Where a finding leads in one click: the failure brief of its failed run, else its explanation on the Anomalies page. */
export function findingHref(envId: string, finding: Pick<AnomalyListItem, 'anomalyId' | 'dagId' | 'taskId' | 'briefRunId'>): string {
  return finding.briefRunId !== null
    ? briefHref(envId, finding.dagId, finding.briefRunId, finding.taskId ?? undefined)
    : anomalyHref(envId, finding.anomalyId);
}
