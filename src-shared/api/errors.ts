import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'unavailable',
  'read_only',
  'cancelled',
  'payload_too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The only error shape that crosses the API boundary. */
export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  hint: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.hint = hint;
  }

  toBody(): ApiErrorBody {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.hint);
  }
}

/** Result envelope used by both transports. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
