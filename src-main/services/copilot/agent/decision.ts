import { z } from 'zod';
import { ActionKind } from '../../../../src-shared/domain/copilot';
import type { CopilotTool } from '../tools/tool-types';
import { dropNulls, toGrammarSchema, type Narrowing, type SchemaNode } from './grammar-schema';
import { proposalArgs } from './proposals';

/** What the model may do at one step. */
export type Decision =
  | { readonly action: 'tool'; readonly tool: CopilotTool; readonly args: Record<string, unknown> }
  | { readonly action: 'answer' }
  | { readonly action: 'propose'; readonly kind: ActionKind; readonly args: z.output<(typeof proposalArgs)[ActionKind]> };

const RawDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('tool'), tool: z.string(), args: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ action: z.literal('answer') }).strict(),
  z.looseObject({ action: z.literal('propose'), kind: ActionKind }),
]);

/** The JSON schema the step's grammar is built from: one branch per tool, answer, and only the proposals the person asked for. */
export function decisionSchema(tools: readonly CopilotTool[], allowed: readonly ActionKind[], narrow: Narrowing): SchemaNode {
  const args = (schema: z.ZodObject) => toGrammarSchema(z.toJSONSchema(schema) as SchemaNode, narrow);
  return {
    oneOf: [
      ...tools.map((t) => ({ type: 'object', properties: { action: { const: 'tool' }, tool: { const: t.name }, args: args(t.input) } })),
      { type: 'object', properties: { action: { const: 'answer' } } },
      ...allowed.map((kind) => {
        const props = args(proposalArgs[kind]).properties as Record<string, SchemaNode>;
        return { type: 'object', properties: { action: { const: 'propose' }, kind: { const: kind }, ...props } };
      }),
    ],
  };
}

export type ParsedDecision = { ok: true; decision: Decision } | { ok: false; problem: string };

/**
 * Validates what the model produced again, independent of the grammar:
 * JSON, the decision shape, the tool's own zod input, and that a proposal is
 * of a kind the person asked for.
 */
export function parseDecision(text: string, tools: readonly CopilotTool[], allowed: readonly ActionKind[]): ParsedDecision {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the reply was not complete JSON' };
  }
  const raw = RawDecision.safeParse(json);
  if (!raw.success) return { ok: false, problem: `not a valid step: ${raw.error.issues[0]?.message ?? 'unknown shape'}` };
  const d = raw.data;
  if (d.action === 'answer') return { ok: true, decision: { action: 'answer' } };
  if (d.action === 'tool') {
    const tool = tools.find((t) => t.name === d.tool);
    if (!tool) return { ok: false, problem: `there is no tool "${d.tool}"` };
    const args = tool.input.safeParse(dropNulls(d.args));
    if (!args.success) return { ok: false, problem: `invalid arguments for ${tool.name}: ${args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
    return { ok: true, decision: { action: 'tool', tool, args: args.data as Record<string, unknown> } };
  }
  if (!allowed.includes(d.kind)) return { ok: false, problem: `the user did not ask for a ${d.kind} action, so it cannot be proposed` };
  const { action: _action, kind: _kind, ...rest } = d;
  const args = proposalArgs[d.kind].safeParse(dropNulls(rest));
  if (!args.success) return { ok: false, problem: `invalid ${d.kind} proposal: ${args.error.issues[0]?.message ?? ''}` };
  return { ok: true, decision: { action: 'propose', kind: d.kind, args: args.data } };
}
