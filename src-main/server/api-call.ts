import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { bodyLimitFor } from '../../src-shared/api/wire';
import { hasBearerToken } from './bearer';
import { readBody } from './read-body';
import { sendError, sendResult } from './responses';
import { httpStatusFor } from './status-codes';

export interface ApiCallContext {
  engine: Engine;
  token: string;
  headers: Record<string, string>;
}

const REQUEST_NAME = /^[A-Za-z0-9._-]{1,100}$/;

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type] = value.split(';');
  return type?.trim().toLowerCase() === 'application/json';
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `POST /api/call/<name>`: token, content type, size and JSON checks, then the engine. */
export async function handleApiCall(req: IncomingMessage, res: ServerResponse, name: string, ctx: ApiCallContext): Promise<void> {
  const { headers } = ctx;
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, { code: 'invalid_input', message: 'Use POST for API calls.' }, headers);
    return;
  }
  if (!hasBearerToken(req.headers, ctx.token)) {
    sendError(
      res,
      401,
      { code: 'unauthorized', message: 'Missing or wrong token.', hint: 'Open the URL printed by `npm run serve`.' },
      headers,
    );
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, { code: 'invalid_input', message: 'The body must be application/json.' }, headers);
    return;
  }
  const limit = bodyLimitFor(name);
  const body = await readBody(req, limit);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too_large') {
    res.setHeader('Connection', 'close');
    sendError(res, 413, { code: 'payload_too_large', message: `The body exceeds ${limit} bytes.` }, headers);
    return;
  }
  const parsed = parseJson(body.text);
  if (!parsed.ok) {
    sendError(res, 400, { code: 'invalid_input', message: 'The body is not valid JSON.' }, headers);
    return;
  }
  if (!REQUEST_NAME.test(name)) {
    sendError(res, 404, { code: 'not_found', message: 'Unknown request.' }, headers);
    return;
  }
  const result = await ctx.engine.handle(name, parsed.value);
  sendResult(res, result.ok ? 200 : httpStatusFor(result.error.code), result, headers);
}
