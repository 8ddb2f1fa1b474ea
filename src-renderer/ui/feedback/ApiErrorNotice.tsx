import { ApiError } from '../../../src-shared/api/errors';

/** A refused request inside a form: the back end's message and hint, styled as an error. */
export function ApiErrorNotice({ error, title }: { error: Error; title: string }) {
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p className="notice-message">{error.message}</p>
      {hint !== undefined ? <p className="notice-hint">{hint}</p> : null}
    </div>
  );
}
