import { z } from 'zod';
import { ApiError, type ApiErrorBody, type ApiResult } from '../../src-shared/api/errors';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './input-depth';
import { isRequestName, requests, type ParsedInput, type RequestName, type RequestOutput } from '../../src-shared/api/contract';
import { redactSecrets } from '../services/credentials/secret-redaction';

export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

export interface DispatchOptions {
  /** Also validate outputs against the contract (on in tests and development). */
  validateOutput: boolean;
  onUnexpectedError?: (name: string, error: unknown) => void;
}

/** The schema's verdict, or null when checking itself failed (it never throws past the boundary). */
function safeParseInput(schema: z.ZodType, input: unknown): ReturnType<z.ZodType['safeParse']> | null {
  try {
    return schema.safeParse(input);
  } catch {
    return null;
  }
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
    if (nestsDeeperThan(rawInput, MAX_INPUT_DEPTH)) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${name}: nested more than ${MAX_INPUT_DEPTH} levels deep.`, hint: 'Send flatter values.' },
      };
    }
    const parsed = safeParseInput(def.input, rawInput ?? {});
    if (parsed === null) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${name}: it could not be checked.`, hint: 'Check the values you entered.' } };
    }
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
      // Error text may quote Airflow, Slack or Neo4j, which may echo a credential: never shown.
      if (error instanceof ApiError) return { ok: false, error: redactedBody(error) };
      options.onUnexpectedError?.(name, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${name} failed unexpectedly.`, hint: 'See the engine log; please report it.' },
      };
    }
  };
}

function redactedBody(error: ApiError): ApiErrorBody {
  const body = error.toBody();
  return body.hint === undefined ? { ...body, message: redactSecrets(body.message) } : { ...body, message: redactSecrets(body.message), hint: redactSecrets(body.hint) };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
