import { ApiErrorBody, type ApiResult } from '../../../src-shared/api/errors';

/** Turns whatever the server sent back into an ApiResult; never throws. */
export function parseApiResult(status: number, body: unknown): ApiResult<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const record = body as { ok: unknown; value?: unknown; error?: unknown };
    if (record.ok === true) return { ok: true, value: record.value };
    const error = ApiErrorBody.safeParse(record.error);
    if (record.ok === false && error.success) return { ok: false, error: error.data };
  }
  const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 413 ? 'payload_too_large' : 'internal';
  return {
    ok: false,
    error: {
      code,
      message: `The server answered HTTP ${status} without a readable result.`,
      hint: status === 401 ? 'Open the URL printed by npm run serve again.' : 'See the server log.',
    },
  };
}
