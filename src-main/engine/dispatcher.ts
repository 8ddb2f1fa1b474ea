import { z } from 'zod';
import { ApiError, type ApiErrorBody, type ApiResult } from '../../src-shared/api/errors';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './input-depth';
import {
  isRequestName,
  requests,
  type ParsedInput,
  type RequestName,
  type RequestOutput,
  type Requests,
} from '../../src-shared/api/contract';
import type { DataTopic } from '../../src-shared/api/define';
import { redactSecrets } from '../services/credentials/secret-redaction';
import type { CallScope, ScopedEnvironment } from './call-scope';

export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>, scope: CallScope<Requests[N]['scope']>) => RequestOutput<N> | Promise<RequestOutput<N>>;
};

export interface DispatchOptions {
  /** Also validate outputs against the contract (on in tests and development). */
  validateOutput: boolean;
  /** Looks up the environment of an environment-scoped request; throws ApiError (not_found) for an unknown one. */
  resolveEnvironment(envId: string): ScopedEnvironment;
  /** Announces topics a request changed (`data.changed`), with the environment its input names, if any. */
  announce(topics: readonly DataTopic[], envId: string | null): void;
  onUnexpectedError?: (name: string, error: unknown) => void;
}

/** The environment a parsed input names, if it names one. */
function envIdOf(input: unknown): string | null {
  const envId = typeof input === 'object' && input !== null ? (input as { envId?: unknown }).envId : undefined;
  return typeof envId === 'string' ? envId : null;
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

/** The validated input, or the invalid_input answer: too deep, uncheckable or refused by the schema. */
function checkedInput(
  name: string,
  schema: z.ZodType,
  rawInput: unknown,
): { ok: true; data: unknown } | { ok: false; error: ApiErrorBody } {
  if (nestsDeeperThan(rawInput, MAX_INPUT_DEPTH)) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${name}: nested more than ${MAX_INPUT_DEPTH} levels deep.`,
        hint: 'Send flatter values.',
      },
    };
  }
  const parsed = safeParseInput(schema, rawInput ?? {});
  if (parsed === null) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${name}: it could not be checked.`,
        hint: 'Check the values you entered.',
      },
    };
  }
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `Invalid input for ${name}: ${validationMessage(parsed.error)}`,
        hint: 'Check the values you entered.',
      },
    };
  }
  return { ok: true, data: parsed.data };
}

/**
 * The boundary: looks up the request by name, validates the input before any
 * service runs, resolves the environment of an environment-scoped request,
 * calls the handler, announces what the request declares it changes, and turns
 * every failure into a typed error.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions) {
  return async function dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown request "${name.slice(0, 80)}".` } };
    }
    const def = requests[name];
    const parsed = checkedInput(name, def.input, rawInput);
    if (!parsed.ok) return parsed;
    const envId = envIdOf(parsed.data);
    let ran = false;
    try {
      const scope = def.scope === 'environment' ? { env: options.resolveEnvironment(envId ?? '') } : { env: null };
      const handler = handlers[name] as (input: unknown, scope: unknown) => unknown;
      ran = true;
      const value = await handler(parsed.data, scope);
      if (options.validateOutput) {
        const checked = def.output.safeParse(value);
        if (!checked.success) throw new Error(`Output of ${name} breaks the contract: ${validationMessage(checked.error)}`);
      }
      if (def.changes.length > 0) options.announce(def.changes, envId);
      return { ok: true, value };
    } catch (error) {
      if (ran && def.changesOnError.length > 0) options.announce(def.changesOnError, envId);
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
  return body.hint === undefined
    ? { ...body, message: redactSecrets(body.message) }
    : { ...body, message: redactSecrets(body.message), hint: redactSecrets(body.hint) };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
