import type { DagRunStats } from '../../../../src-shared/domain/dag-list';
import type { DagSummary } from '../../../../src-shared/domain/history';

/** A row of a DAG table: the overview's summary, with its environment's name and run statistics where the list has them. */
export type DagRow = DagSummary & { envName?: string; stats?: DagRunStats };

/** Rows are unique per environment and DAG (the list may span environments). */
export const dagRowKey = (dag: DagSummary): string => `${dag.envId}/${dag.dagId}`;
