export type DagSortKey = 'dagId' | 'schedule' | 'owners' | 'lastRunState' | 'lastRunAt' | 'runs24h' | 'failed24h' | 'failed7d';
export type SortDirection = 'asc' | 'desc';
export interface DagSort {
  key: DagSortKey;
  direction: SortDirection;
}

export interface DagColumn {
  key: DagSortKey | 'tags';
  label: string;
  /** CSS width of the column. */
  width: string;
  numeric?: boolean;
  /** Direction of the first click: counts and times sort biggest/newest first. */
  firstDirection?: SortDirection;
}

export const dagColumns: readonly DagColumn[] = [
  { key: 'dagId', label: 'DAG', width: 'auto' },
  { key: 'schedule', label: 'Schedule', width: '120px' },
  { key: 'owners', label: 'Owners', width: '128px' },
  { key: 'tags', label: 'Tags', width: '156px' },
  { key: 'lastRunState', label: 'Last run', width: '116px' },
  { key: 'lastRunAt', label: 'When', width: '96px', firstDirection: 'desc' },
  { key: 'runs24h', label: 'Runs 24 h', width: '100px', numeric: true, firstDirection: 'desc' },
  { key: 'failed24h', label: 'Failed 24 h', width: '108px', numeric: true, firstDirection: 'desc' },
  { key: 'failed7d', label: 'Failed 7 d', width: '100px', numeric: true, firstDirection: 'desc' },
];

export const defaultDagSort: DagSort = { key: 'failed24h', direction: 'desc' };

