import { useState } from 'react';
import type { QueryFailure, QueryResult, SavedQuery } from '../../../src-shared/domain/graph-query';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { CypherEditor } from './CypherEditor';
import { ResultGraph } from './ResultGraph';
import { ResultTable } from './ResultTable';
import { SavedQueryPanel } from './SavedQueryPanel';
import { useQueryHistory } from './use-query-history';

function parseParams(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'Parameters must be a JSON object.';
  } catch (error) {
    return `Parameters are not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Ask the lineage graph questions: saved ones (answered without Neo4j too) and free Cypher on Neo4j. */
export function GraphQueryPage() {
  const queries = useApiQuery('graph.savedQueries', {});
  const summary = useApiQuery('graph.summary', {});
  const runSaved = useApiMutation('graph.runSaved');
  const runCypher = useApiMutation('graph.cypher');
  const { history, remember } = useQueryHistory();
  const [selected, setSelected] = useState<SavedQuery | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [cypher, setCypher] = useState(
    'MATCH (d:Dag)-[:HAS_TASK]->(t:Task)\nWHERE t.failureRate > 0\nRETURN d.dagId AS dagId, t.taskId AS taskId, t.failureRate AS failureRate\nORDER BY failureRate DESC LIMIT 25',
  );
  const [paramText, setParamText] = useState('');
  const [allowWrite, setAllowWrite] = useState(false);
  const [result, setResult] = useState<QueryResult | null>(null);
  const [failure, setFailure] = useState<QueryFailure | null>(null);
  const [view, setView] = useState<'table' | 'graph'>('table');
  const neo4j = summary.data?.neo4j.configured ?? false;

  const choose = (q: SavedQuery): void => {
    setSelected(q);
    setValues({});
    setCypher(q.cypher);
  };
  const runSelected = (): void => {
    if (selected === null) return;
    const params: Record<string, string | number> = {};
    for (const p of selected.params) {
      const v = values[p.name];
      // An int goes as typed when it is not a number: the engine answers what is wrong with it.
      if (v !== undefined && v !== '') params[p.name] = p.kind === 'int' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
    }
    setFailure(null);
    runSaved.mutate({ id: selected.id, params }, { onSuccess: setResult });
  };
  const runConsole = (): void => {
    const params = parseParams(paramText);
    if (typeof params === 'string') return setFailure({ code: 'params', message: params, line: null, column: null });
    const confirmWrite = allowWrite && window.confirm('Run this query with writes allowed? It can change or delete data in Neo4j.');
    if (allowWrite && !confirmWrite) return;
    remember(cypher);
    runCypher.mutate(
      { cypher, params: params as Record<string, never>, allowWrite, confirmWrite },
      {
        onSuccess: (outcome) => {
          if (outcome.status === 'ok') {
            setResult(outcome.result);
            setFailure(null);
          } else setFailure(outcome.error);
        },
      },
    );
  };
  const requestError = runSaved.error ?? runCypher.error;

  return (
    <div className="page page-fill graph-query-page">
      <PageHeader title="Graph query" subtitle={neo4j ? `Neo4j ${summary.data?.neo4j.url ?? ''}` : 'Embedded graph'} />
      {!neo4j && summary.data !== undefined ? (
        <p className="notice graph-source-note" role="note">
          No Neo4j is configured: saved queries answer from the embedded graph. Add a Neo4j in <a href="#/settings">Settings</a> to run your
          own Cypher.
        </p>
      ) : null}
      {queries.error !== null ? <ErrorPanel error={queries.error} /> : null}
      <div className="graph-query-body">
        <SavedQueryPanel
          queries={queries.data ?? []}
          selected={selected}
          values={values}
          onSelect={choose}
          onValue={(n, v) => setValues((old) => ({ ...old, [n]: v }))}
          onRun={runSelected}
          running={runSaved.isPending}
        />
        <section className="graph-console" aria-label="Cypher console">
          <CypherEditor
            value={cypher}
            onChange={setCypher}
            onRun={runConsole}
            errorAt={failure?.line != null && failure.column != null ? { line: failure.line, column: failure.column } : null}
          />
          <div className="console-controls">
            <label className="inline-field console-params">
              <span>Parameters (JSON)</span>
              <input
                className="mono"
                value={paramText}
                placeholder='{"dagId": "etl"}'
                onChange={(e) => setParamText(e.target.value)}
                aria-label="Parameters"
              />
            </label>
            <label className="inline-check">
              <input type="checkbox" checked={allowWrite} onChange={(e) => setAllowWrite(e.target.checked)} />
              Allow writes
            </label>
            <button
              type="button"
              className="button button-primary"
              onClick={runConsole}
              disabled={!neo4j || runCypher.isPending}
              title={neo4j ? 'Ctrl+Enter' : 'Needs a Neo4j'}
            >
              Run Cypher
            </button>
            {history.length > 0 ? (
              <select aria-label="History" value="" onChange={(e) => e.target.value && setCypher(e.target.value)}>
                <option value="">History…</option>
                {history.map((h) => (
                  <option key={h} value={h}>
                    {h.replace(/\s+/g, ' ').slice(0, 80)}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
          {requestError !== null ? <ApiErrorNotice error={requestError} title="The query could not run" /> : null}
          {failure !== null ? (
            <div className="notice notice-error" role="alert">
              <strong>{failure.code}</strong>
              <p className="notice-message mono">{failure.message}</p>
            </div>
          ) : null}
          {result !== null ? (
            <div className="query-result">
              <div className="result-head">
                <span className={`source-badge source-${result.source}`}>{result.source === 'neo4j' ? 'Neo4j' : 'Embedded graph'}</span>
                <span className="muted">
                  {result.rows.length} rows{result.truncated ? ' (cut at 1,000)' : ''} in {result.ms} ms
                  {result.updates !== null
                    ? ` · ${Object.entries(result.updates)
                        .map(([k, v]) => `${k} ${v}`)
                        .join(', ')}`
                    : ''}
                </span>
                <div className="segmented" role="radiogroup" aria-label="Result view">
                  {(['table', 'graph'] as const).map((v) => (
                    <label key={v} className={view === v ? 'is-checked' : undefined}>
                      <input type="radio" name="result-view" checked={view === v} onChange={() => setView(v)} />
                      {v === 'table' ? 'Table' : 'Graph'}
                    </label>
                  ))}
                </div>
              </div>
              {view === 'table' ? <ResultTable result={result} /> : <ResultGraph result={result} />}
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}
