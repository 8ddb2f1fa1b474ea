import type { RequestOutput } from '../../../src-shared/api/contract';
import { EnvSwatch } from '../environments/EnvSwatch';

/** What an import did: the environments added (credentials still to enter) and the entries refused, with why. */
export function ImportResultView({ result }: { result: RequestOutput<'envs.import'> }) {
  return (
    <div className="import-result" aria-label="Import result">
      <p className={result.added.length > 0 ? 'notice notice-ok' : 'notice'} role="status">
        <strong>
          {result.added.length} added, {result.failed.length} failed
        </strong>
        {result.added.length > 0 ? <span className="notice-hint"> Enter each one’s password or token with Edit, then sync.</span> : null}
      </p>
      {result.added.length > 0 ? (
        <ul className="import-list" aria-label="Added environments">
          {result.added.map((env) => (
            <li key={env.id}>
              <EnvSwatch color={env.color} />
              <span className="env-name">{env.name}</span>
              <span className="mono muted truncate">{env.baseUrl}</span>
              {env.credentialsConfigured ? null : <span className="badge badge-warn">credentials needed</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {result.failed.length > 0 ? (
        <ul className="import-list import-failed" aria-label="Failed entries">
          {result.failed.map((failure) => (
            <li key={failure.index}>
              <span className="import-failed-name">
                Entry {failure.index + 1}
                {failure.name !== null ? `: ${failure.name}` : ''}
              </span>
              <pre className="import-failed-message">{failure.message}</pre>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
