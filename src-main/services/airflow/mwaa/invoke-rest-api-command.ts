/**
 * MWAA's InvokeRestApi for the AWS SDK's MWAAClient. The registry this project installs from serves
 * @aws-sdk/client-mwaa 3.523.0, which predates the operation, so the command is declared here the way the SDK's
 * generator declares it (restJson1: POST /restapi/{Name} on the `env.` host, body {Method, Path, QueryParameters, Body});
 * everything else (credential chain, SigV4 signing, endpoint resolution, the HTTP handler) is the SDK's own code.
 * Replace it with the SDK's `InvokeRestApiCommand` once a newer client can be installed.
 */
import { requestBuilder } from '@smithy/core';
import { getEndpointPlugin } from '@smithy/middleware-endpoint';
import { getSerdePlugin } from '@smithy/middleware-serde';
import { isValidHostname, type HttpRequest, type HttpResponse } from '@smithy/protocol-http';
import { Command, collectBody } from '@smithy/smithy-client';
import type { MWAAClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-mwaa';
import type { SerdeContext } from '@smithy/types';

export interface InvokeRestApiInput {
  Name: string;
  Path: string;
  Method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  QueryParameters?: Record<string, unknown>;
  Body?: unknown;
}

/** What came back: Airflow's status and JSON document, whether MWAA reported it as a success or as RestApi*Exception. */
export interface InvokeRestApiOutput {
  RestApiStatusCode: number;
  RestApiResponse: unknown;
  $metadata: { httpStatusCode?: number };
}

/** Any other error of the MWAA API (access denied, unknown environment, validation, throttling), by its error code. */
export class MwaaServiceError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

const commonParams = {
  UseFIPS: { type: 'builtInParams', name: 'useFipsEndpoint' },
  Endpoint: { type: 'builtInParams', name: 'endpoint' },
  Region: { type: 'builtInParams', name: 'region' },
  UseDualStack: { type: 'builtInParams', name: 'useDualstackEndpoint' },
} as const;

async function serialize(
  input: InvokeRestApiInput,
  context: SerdeContext & { endpoint: () => Promise<{ hostname: string }>; disableHostPrefix?: boolean },
): Promise<HttpRequest> {
  const b = requestBuilder(input, context);
  b.bp('/restapi/{Name}');
  b.p('Name', () => input.Name, '{Name}', false);
  const body = JSON.stringify({
    Method: input.Method,
    Path: input.Path,
    ...(input.QueryParameters !== undefined ? { QueryParameters: input.QueryParameters } : {}),
    ...(input.Body !== undefined ? { Body: input.Body } : {}),
  });
  let { hostname } = await context.endpoint();
  if (context.disableHostPrefix !== true) {
    hostname = `env.${hostname}`;
    if (!isValidHostname(hostname)) throw new Error('ValidationError: prefixed hostname must be hostname compatible.');
  }
  b.hn(hostname);
  b.m('POST').h({ 'content-type': 'application/json' }).b(body);
  return b.build();
}

function errorCode(output: HttpResponse, data: Record<string, unknown>): string {
  const header = Object.keys(output.headers).find((k) => k.toLowerCase() === 'x-amzn-errortype');
  const raw =
    header !== undefined
      ? output.headers[header]
      : typeof data.code === 'string'
        ? data.code
        : typeof data.__type === 'string'
          ? data.__type
          : 'UnknownError';
  const clean = String(raw).split(',')[0]?.split(':')[0] ?? '';
  return clean.includes('#') ? (clean.split('#')[1] ?? clean) : clean;
}

async function deserialize(output: HttpResponse, context: SerdeContext): Promise<InvokeRestApiOutput> {
  const text = context.utf8Encoder(await collectBody(output.body, context));
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = text.length > 0 ? JSON.parse(text) : {};
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    data = {};
  }
  const $metadata = { httpStatusCode: output.statusCode };
  if (output.statusCode >= 200 && output.statusCode < 300) {
    return { RestApiStatusCode: Number(data.RestApiStatusCode ?? 200), RestApiResponse: data.RestApiResponse ?? null, $metadata };
  }
  const code = errorCode(output, data);
  // Airflow answered with an error status: MWAA reports it as RestApiClientException (4xx) or RestApiServerException (5xx).
  if ((code === 'RestApiClientException' || code === 'RestApiServerException') && typeof data.RestApiStatusCode === 'number') {
    return { RestApiStatusCode: data.RestApiStatusCode, RestApiResponse: data.RestApiResponse ?? null, $metadata };
  }
  const message =
    typeof data.message === 'string'
      ? data.message
      : typeof data.Message === 'string'
        ? data.Message
        : `MWAA answered HTTP ${output.statusCode}`;
  throw new MwaaServiceError(code, output.statusCode, message);
}

/** `client.send(new InvokeRestApiCommand(input))`, like the SDK's generated commands. */
export class InvokeRestApiCommand extends Command.classBuilder<
  InvokeRestApiInput,
  InvokeRestApiOutput,
  MWAAClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
>()
  .ep(commonParams)
  .m(function (this: unknown, CommandCtor: { getEndpointParameterInstructions(): never }, _cs: unknown, config: MWAAClientResolvedConfig) {
    const self = this as { serialize: never; deserialize: never };
    return [
      getSerdePlugin(config, self.serialize, self.deserialize),
      getEndpointPlugin(config, CommandCtor.getEndpointParameterInstructions()),
    ];
  })
  .s('AmazonMWAA', 'InvokeRestApi', {})
  .n('MWAAClient', 'InvokeRestApiCommand')
  .f(undefined, undefined)
  .ser(serialize as never)
  .de(deserialize as never)
  .build() {}
