import type { ConnectionTestResult } from '../../../src-shared/domain/connection-result';

const tlsWords: Readonly<Record<string, string>> = {
  expired: 'the certificate has expired',
  not_yet_valid: 'the certificate is not valid yet',
  self_signed: 'the certificate is self-signed',
  hostname_mismatch: 'the certificate is for another host name',
  unknown_ca: 'the certificate is signed by an unknown authority',
  revoked: 'the certificate was revoked',
  protocol: 'no common TLS protocol',
  other: 'TLS failed',
};

/** What "Test connection" found: versions and DAG count, or the failure with its hint and the failing call. */
export function ConnectionResultView({ result }: { result: ConnectionTestResult }) {
  if (result.ok) {
    return (
      <div className="notice notice-ok" role="status" aria-label="Connection test result">
        <strong>Connected</strong>
        <p className="notice-message">
          Airflow {result.version} · REST API {result.apiVersion} · {result.dagCount.toLocaleString('en-US')} DAG
          {result.dagCount === 1 ? '' : 's'} visible
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert" aria-label="Connection test result">
      <strong>Connection failed</strong>
      <p className="notice-message">{result.message}</p>
      <p className="notice-hint">{result.hint}</p>
      <dl className="notice-facts">
        {result.call !== undefined ? (
          <>
            <dt>Failing call</dt>
            <dd className="mono">
              {result.call}
              {result.status !== undefined ? ` → ${result.status}` : ''}
            </dd>
          </>
        ) : null}
        {result.tlsProblem !== undefined ? (
          <>
            <dt>Certificate</dt>
            <dd>{tlsWords[result.tlsProblem] ?? result.tlsProblem}</dd>
          </>
        ) : null}
        {result.version !== undefined ? (
          <>
            <dt>Airflow</dt>
            <dd>{result.version}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
