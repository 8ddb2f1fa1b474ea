/**
 * A loopback stand-in for the MWAA API's InvokeRestApi (POST /restapi/{Name}): it checks that the request carries a
 * SigV4 signature for the "airflow" service made with the expected access key, then relays Method/Path/QueryParameters/
 * Body to the real Airflow peer's /api/v2 as an admin (as MWAA does with the IAM identity's Airflow role), and answers
 * like the service: 200 {RestApiStatusCode, RestApiResponse}, 400 RestApiClientException for Airflow's 4xx, 404
 * ResourceNotFoundException for another environment name.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMwaa {
  url: string;
  calls: { name: string; method: string; path: string }[];
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-requestid': 'orc-test',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeMwaa(o: {
  peer: string;
  environmentName: string;
  accessKeyId: string;
  region: string;
  user: { username: string; password: string };
}): Promise<FakeMwaa> {
  const calls: FakeMwaa['calls'] = [];
  const login = await fetch(`${o.peer}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(o.user),
  });
  const { access_token: jwt } = (await login.json()) as { access_token: string };
  const server = http.createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const auth = req.headers.authorization ?? '';
      if (
        !new RegExp(
          `^AWS4-HMAC-SHA256 Credential=${o.accessKeyId}/\\d{8}/${o.region}/airflow/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$`,
        ).test(auth)
      ) {
        return send(res, 403, { message: 'The security token included in the request is invalid.' }, 'UnrecognizedClientException');
      }
      const match = /^\/restapi\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return send(res, 404, { message: 'Unknown operation' }, 'UnknownOperationException');
      const name = decodeURIComponent(match[1] ?? '');
      if (name !== o.environmentName) return send(res, 404, { Message: `Environment ${name} not found` }, 'ResourceNotFoundException');
      const call = JSON.parse(text) as { Method: string; Path: string; QueryParameters?: Record<string, unknown>; Body?: unknown };
      calls.push({ name, method: call.Method, path: call.Path });
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(call.QueryParameters ?? {}))
        for (const item of Array.isArray(v) ? v : [v]) query.append(k, String(item));
      const qs = query.toString();
      const answer = await fetch(`${o.peer}/api/v2${call.Path}${qs ? `?${qs}` : ''}`, {
        method: call.Method,
        headers: {
          authorization: `Bearer ${jwt}`,
          accept: 'application/json',
          ...(call.Body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(call.Body !== undefined ? { body: JSON.stringify(call.Body) } : {}),
      });
      const raw = await answer.text();
      let document: unknown = null;
      try {
        document = raw.length > 0 ? JSON.parse(raw) : null;
      } catch {
        document = raw;
      }
      if (answer.status >= 200 && answer.status < 300)
        return send(res, 200, { RestApiStatusCode: answer.status, RestApiResponse: document });
      const type = answer.status >= 500 ? 'RestApiServerException' : 'RestApiClientException';
      return send(res, answer.status >= 500 ? 500 : 400, { RestApiStatusCode: answer.status, RestApiResponse: document }, type);
    })().catch(() => send(res, 500, { message: 'fake MWAA failed' }, 'InternalServerException'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
