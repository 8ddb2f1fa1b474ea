import type { Readable } from 'node:stream';
import { AirflowResponseTooLargeError } from './http-errors';

function refuse(body: Readable, call: string, limitBytes: number): never {
  body.on('error', () => undefined); // undici emits an AbortError on destroy; nobody else listens any more
  body.destroy();
  throw new AirflowResponseTooLargeError(call, limitBytes);
}

/** Reads a response body as UTF-8, refusing (and destroying the stream) past `limitBytes`. */
export async function readBodyCapped(
  body: Readable,
  limitBytes: number,
  declaredLength: number | undefined,
  call: string,
): Promise<string> {
  if (declaredLength !== undefined && declaredLength > limitBytes) refuse(body, call, limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.byteLength;
    if (size > limitBytes) refuse(body, call, limitBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
