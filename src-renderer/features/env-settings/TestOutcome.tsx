import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { ConnectionResultView } from './ConnectionResultView';
import type { ConnectionTest } from './use-connection-test';

/** The result of the last "Test connection", or a spinner while it runs. */
export function TestOutcome({ test }: { test: ConnectionTest }) {
  if (test.pending) {
    return (
      <div className="notice" role="status">
        <span className="spinner" aria-hidden="true" /> Testing the connection…
      </div>
    );
  }
  if (test.error !== null) return <ApiErrorNotice error={test.error} title="The test could not run" />;
  return test.result !== undefined ? <ConnectionResultView result={test.result} /> : null;
}
