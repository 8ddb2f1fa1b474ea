import type { QueryResult } from '../../../src-shared/domain/graph-query';
import { formatRoute } from '../routing/route';
import { cellText } from './cell-text';

/** Results as a table; rows naming a DAG link to its runs and lineage. */
export function ResultTable({ result }: { result: QueryResult }) {
  const dagCol = result.columns.indexOf('dagId');
  return (
    <div className="result-table-wrap">
      <table className="result-table">
        <thead>
          <tr>
            {result.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {dagCol >= 0 ? <th scope="col">Open</th> : null}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => {
            const dagId = dagCol >= 0 ? row[dagCol] : null;
            return (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {cellText(cell)}
                  </td>
                ))}
                {dagCol >= 0 ? (
                  <td>
                    {typeof dagId === 'string' ? (
                      <>
                        <a href={formatRoute('runs', { dag: dagId })}>runs</a> · <a href={formatRoute('lineage', { scope: 'neighbours', dag: dagId })}>lineage</a>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.rows.length === 0 ? <p className="muted result-empty">No rows.</p> : null}
    </div>
  );
}
