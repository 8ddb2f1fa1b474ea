import { ApiError } from '../../../src-shared/api/errors';

/** A failed request, with the back end's hint when it gave one. */
export function ErrorPanel({ error, title = 'Something went wrong' }: { error: Error; title?: string }) {
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {hint !== undefined ? <p className="muted">{hint}</p> : null}
    </div>
  );
}
