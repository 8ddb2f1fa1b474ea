import type { QueryCell, QueryResult } from '../../../src-shared/domain/graph-query';
import { formatRoute } from '../../platform/routing/route';
import { DataColumn, DataTable, EmptyState } from '../../ui/kit/index';
import { cellText } from './cell-text';

type Row = readonly QueryCell[];

/** Results as a table, sortable by any column; rows naming a DAG link to its runs and lineage. */
export function ResultTable({ result }: { result: QueryResult }) {
  const dagCol = result.columns.indexOf('dagId');
  const columns: DataColumn<Row>[] = result.columns.map((name, j) => ({
    key: `${j}:${name}`,
    header: name,
    cell: (row) => cellText(row[j] ?? null),
    numeric: (row) => typeof row[j] === 'number',
    sortValue: (row) => {
      const v = row[j] ?? null;
      return typeof v === 'number' ? v : cellText(v);
    },
  }));
  if (dagCol >= 0) {
    columns.push({
      key: 'open',
      header: 'Open',
      cell: (row) => {
        const dagId = row[dagCol];
        return typeof dagId === 'string' ? (
          <>
            <a href={formatRoute('runs', { dag: dagId })}>runs</a> ·{' '}
            <a href={formatRoute('lineage', { scope: 'neighbours', dag: dagId })}>lineage</a>
          </>
        ) : null;
      },
    });
  }
  return (
    <div className="result-table-wrap">
      <DataTable
        className="result-table"
        columns={columns}
        rows={result.rows}
        rowKey={(_, i) => String(i)}
        empty={<EmptyState className="result-empty" title="No rows." />}
      />
    </div>
  );
}
