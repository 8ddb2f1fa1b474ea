import { z } from 'zod';
import { ApiError, type ApiResult } from '../../src-shared/api/errors';
import { isRequestName, requests, type ParsedInput, type RequestName, type RequestOutput } from '../../src-shared/api/contract';

export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

export interface DispatchOptions {
  /** Also validate outputs against the contract (on in tests and development). */
  validateOutput: boolean;
  onUnexpectedError?: (name: string, error: unknown) => void;
}

function validationMessage(error: z.ZodError): string {
  return z.prettifyError(error);
}

/**
 * The boundary: looks up the request by name, validates the input before any
 * service runs, calls the handler, and turns every failure into a typed error.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions) {
  return async function dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown request "${name.slice(0, 80)}".` } };
    }
    const def = requests[name];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${name}: ${validationMessage(parsed.error)}`, hint: 'Check the values you entered.' },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.validateOutput) {
        const checked = def.output.safeParse(value);
        if (!checked.success) throw new Error(`Output of ${name} breaks the contract: ${validationMessage(checked.error)}`);
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      options.onUnexpectedError?.(name, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${name} failed unexpectedly.`, hint: 'See the engine log; please report it.' },
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
