import type { ErrorCode } from '../../src-shared/api/errors';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  read_only: 403,
  not_found: 404,
  conflict: 409,
  cancelled: 409,
  payload_too_large: 413,
  internal: 500,
  unavailable: 503,
};

/** HTTP status for an API error code (200 is used for ok results). */
export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code];
}
