import { z } from 'zod';

const Id = z.number().int().nonnegative();
const Method = z.string().min(1).max(100);

/**
 * Every message the RPC sends, in one envelope: the only message guard of the process boundaries that use it.
 * Anything else arriving on the port is not the RPC's and is ignored.
 */
export const RpcEnvelope = z.discriminatedUnion('kind', [
  z.object({ rpc: z.literal(1), kind: z.literal('call'), id: Id, method: Method, input: z.unknown() }),
  z.object({ rpc: z.literal(1), kind: z.literal('notify'), method: Method, input: z.unknown() }),
  z.object({ rpc: z.literal(1), kind: z.literal('progress'), id: Id, value: z.unknown() }),
  z.object({ rpc: z.literal(1), kind: z.literal('result'), id: Id, value: z.unknown() }),
  z.object({ rpc: z.literal(1), kind: z.literal('error'), id: Id, message: z.string() }),
]);
export type RpcEnvelope = z.infer<typeof RpcEnvelope>;
