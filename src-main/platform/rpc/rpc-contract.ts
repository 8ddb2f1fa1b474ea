import type { z } from 'zod';

/** One method another process offers: its input, its answer, and what it reports while it works (optional). */
export interface RpcMethod<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  progress?: P;
}

/** What one side of a process boundary offers, method by method. Both sides import the same contract. */
export type RpcContract = Record<string, RpcMethod>;

/** Declares a contract (the identity, for the types it keeps). */
export const defineRpc = <C extends RpcContract>(contract: C): C => contract;

export type RpcInput<C extends RpcContract, K extends keyof C> = z.input<C[K]['input']>;
export type RpcOutput<C extends RpcContract, K extends keyof C> = z.output<C[K]['output']>;
export type RpcProgress<C extends RpcContract, K extends keyof C> = C[K]['progress'] extends z.ZodType ? z.output<C[K]['progress']> : never;

/** The functions that answer a contract's methods, given the validated input. */
export type RpcHandlers<C extends RpcContract> = {
  [K in keyof C]: (
    input: z.output<C[K]['input']>,
    context: { progress(value: C[K]['progress'] extends z.ZodType ? z.input<C[K]['progress']> : never): void },
  ) => z.input<C[K]['output']> | Promise<z.input<C[K]['output']>>;
};
