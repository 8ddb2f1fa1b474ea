import { useEffect, useState } from 'react';
import type { Neo4jTestResult } from '../../../src-shared/domain/neo4j';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';

function TestMessage({ test }: { test: Neo4jTestResult }) {
  return test.ok ? (
    <p className="notice" role="status">
      Connected: Neo4j {test.version} ({test.edition}), database {test.database}.
    </p>
  ) : (
    <div className="notice notice-error" role="alert">
      <strong>{test.message}</strong>
      <p className="notice-hint">{test.hint}</p>
    </div>
  );
}

/** Settings → Neo4j: where the lineage graph is synced. The password goes to the vault; the UI only learns it is stored. */
export function Neo4jSection() {
  const status = useApiQuery('neo4j.status', {});
  const test = useApiMutation('neo4j.test');
  const save = useApiMutation('neo4j.save');
  const remove = useApiMutation('neo4j.remove');
  const sync = useApiMutation('neo4j.sync');
  const [url, setUrl] = useState('bolt://localhost:7687');
  const [user, setUser] = useState('neo4j');
  const [password, setPassword] = useState('');
  const [database, setDatabase] = useState('neo4j');
  const s = status.data;
  useEffect(() => {
    if (s?.configured) {
      setUrl(s.url ?? '');
      setUser(s.user ?? '');
      setDatabase(s.database ?? 'neo4j');
    }
  }, [s?.configured, s?.url, s?.user, s?.database]);
  const draft = { url, user, database, ...(password !== '' ? { password } : {}) };
  const outcome = save.data?.test ?? test.data;
  const error = save.error ?? test.error ?? remove.error ?? sync.error;

  return (
    <section className="settings-section" aria-labelledby="settings-neo4j">
      <h2 id="settings-neo4j">Neo4j</h2>
      <p className="muted section-lead">
        The lineage graph works embedded. To query it in Cypher, sync it to your own Neo4j 5 (Neo4j Desktop or a server). The sync owns the
        nodes it writes (labels Dag, Task, Asset, … with a <span className="mono">key</span>): use a database of its own.
      </p>
      <form
        className="neo4j-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <label className="inline-field">
          <span>URL</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Neo4j URL" className="mono" />
        </label>
        <label className="inline-field">
          <span>User</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} aria-label="Neo4j user" autoComplete="username" />
        </label>
        <label className="inline-field">
          <span>Password</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-label="Neo4j password"
            autoComplete="current-password"
            placeholder={s?.passwordConfigured ? 'stored (leave empty to keep)' : ''}
          />
        </label>
        <label className="inline-field">
          <span>Database</span>
          <input value={database} onChange={(e) => setDatabase(e.target.value)} aria-label="Neo4j database" />
        </label>
        <div className="neo4j-actions">
          <button type="button" className="button" onClick={() => test.mutate({ draft })} disabled={test.isPending}>
            Test connection
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            Save
          </button>
          {s?.configured ? (
            <>
              <button type="button" className="button" onClick={() => sync.mutate({})} disabled={s.syncing}>
                Sync now
              </button>
              <button type="button" className="button button-danger" onClick={() => remove.mutate({})}>
                Remove
              </button>
            </>
          ) : null}
        </div>
      </form>
      {outcome !== undefined ? <TestMessage test={outcome} /> : null}
      {error !== null ? <ApiErrorNotice error={error} title="Neo4j" /> : null}
      {s?.lastSync ? (
        <p className="muted">
          Last sync {s.lastSync.at}: {s.lastSync.nodes} nodes, {s.lastSync.rels} relationships, {s.lastSync.written} written in{' '}
          {(s.lastSync.ms / 1000).toFixed(1)} s.
        </p>
      ) : null}
    </section>
  );
}
