import type { SourceFailure } from '../../../src-shared/domain/monitoring';

/** A source that could not be read: what happened and what to check, in the panel's place. */
export function SourceProblem({ source, failure }: { source: string; failure: SourceFailure }) {
  return (
    <div className="notice notice-error monitoring-problem" role="alert" aria-label={`${source} unreachable`}>
      <strong>
        {source}: {failure.message}
      </strong>
      <p className="notice-hint">{failure.hint}</p>
    </div>
  );
}

export function NotConfigured({ source, what }: { source: string; what: string }) {
  return (
    <p className="monitoring-unset muted" data-unset={source}>
      <strong>{source} not configured.</strong> {what}
    </p>
  );
}
