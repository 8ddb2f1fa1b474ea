export type DagSortKey =
  | 'dagId'
  | 'schedule'
  | 'owners'
  | 'lastRunState'
  | 'lastRunAt'
  | 'runs24h'
  | 'failed24h'
  | 'failed7d'
  | 'failureRate'
  | 'meanDurationS';
export type SortDirection = 'asc' | 'desc';
export interface DagSort {
  key: DagSortKey;
  direction: SortDirection;
}

export interface DagColumn {
  key: DagSortKey | 'tags' | 'recent';
  label: string;
  /** CSS width of the column. */
  width: string;
  numeric?: boolean;
  /** Direction of the first click: counts and times sort biggest/newest first. */
  firstDirection?: SortDirection;
  /** Header tooltip: what the column counts. */
  title?: string;
}

export const isSortable = (column: DagColumn): column is DagColumn & { key: DagSortKey } =>
  column.key !== 'tags' && column.key !== 'recent';

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

/** The DAGs page: the run statistics of the list's window instead of the 24 h counts. */
export function dagListColumns(days: number, runs: number): readonly DagColumn[] {
  return [
    { key: 'dagId', label: 'DAG', width: 'auto' },
    { key: 'schedule', label: 'Schedule', width: '100px' },
    { key: 'owners', label: 'Owners', width: '112px' },
    { key: 'tags', label: 'Tags', width: '150px' },
    { key: 'lastRunState', label: 'Last run', width: '108px' },
    { key: 'lastRunAt', label: 'When', width: '100px', firstDirection: 'desc' },
    {
      key: 'failureRate',
      label: 'Failure rate',
      width: '112px',
      numeric: true,
      firstDirection: 'desc',
      title: `Failed ÷ finished runs of the last ${days} days`,
    },
    {
      key: 'meanDurationS',
      label: 'Mean duration',
      width: '116px',
      numeric: true,
      firstDirection: 'desc',
      title: `Mean duration of the successful runs of the last ${days} days`,
    },
    {
      key: 'recent',
      label: 'Recent runs',
      width: '148px',
      title: `The last ${runs} runs of the last ${days} days, oldest to newest: bar height is the duration`,
    },
  ];
}

/** The DAG id column never gets narrower than this: below it the table scrolls sideways instead. */
export const MIN_ID_COLUMN_PX = 220;

/** The table's least width: the fixed columns plus the id column at its least. */
export function minTableWidth(columns: readonly DagColumn[]): number {
  return columns.reduce((sum, c) => sum + (c.width.endsWith('px') ? Number.parseFloat(c.width) : MIN_ID_COLUMN_PX), 0);
}

export const defaultDagSort: DagSort = { key: 'failed24h', direction: 'desc' };
export const defaultDagListSort: DagSort = { key: 'failureRate', direction: 'desc' };
