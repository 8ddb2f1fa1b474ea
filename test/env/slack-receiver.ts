/** A local stand-in for a Slack incoming webhook: records every POST and answers like Slack ("ok"). */
import http from 'node:http';

export interface SlackPost {
  path: string;
  contentType: string | undefined;
  body: string;
}

export interface SlackReceiver {
  /** The webhook URL to configure (loopback http). */
  url: string;
  posts: SlackPost[];
  /** The next answers, e.g. [{ status: 404, body: 'no_service' }]; then "ok" again. */
  failNext(reply: { status: number; body: string }): void;
  close(): Promise<void>;
}

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const posts: SlackPost[] = [];
  const failures: Array<{ status: number; body: string }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      posts.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      const reply = failures.shift() ?? { status: 200, body: 'ok' };
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/testsecret`,
    posts,
    failNext: (reply) => failures.push(reply),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
