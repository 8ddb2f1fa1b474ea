import { z } from 'zod';
import { ActionKind } from '../../../../src-shared/domain/copilot';
import type { CopilotTool } from '../tools/tool-types';
import { dropNulls, toGrammarSchema, type Narrowing, type SchemaNode } from './grammar-schema';
import { proposalArgs } from './proposals';

/**
 * A step is two constrained generations, which a small model gets right far
 * more often than one big union: first the choice (an enum of tool names,
 * "answer", and only the proposals the person asked for), then the chosen
 * tool's arguments under a grammar built from that tool's schema alone.
 */
export type Choice =
  | { readonly action: 'tool'; readonly tool: CopilotTool }
  | { readonly action: 'answer' }
  | { readonly action: 'propose'; readonly kind: ActionKind };

/** What the model may do at one step, once its arguments are validated. */
export type Decision =
  | { readonly action: 'tool'; readonly tool: CopilotTool; readonly args: Record<string, unknown> }
  | { readonly action: 'answer' }
  | { readonly action: 'propose'; readonly kind: ActionKind; readonly args: z.output<(typeof proposalArgs)[ActionKind]> };

export const ANSWER_CHOICE = 'answer';
const PROPOSE_PREFIX = 'propose_';

export const proposalChoice = (kind: ActionKind): string => `${PROPOSE_PREFIX}${kind}`;

/** The grammar of the choice: {"tool": one of the offered names}. */
export function choiceSchema(names: readonly string[]): SchemaNode {
  return { type: 'object', properties: { tool: { enum: [...names] } } };
}

/** The grammar of a chosen tool's (or proposal's) arguments. */
export function argsSchema(choice: Exclude<Choice, { action: 'answer' }>, narrow: Narrowing): SchemaNode {
  const input = choice.action === 'tool' ? choice.tool.input : proposalArgs[choice.kind];
  return toGrammarSchema(z.toJSONSchema(input) as SchemaNode, narrow);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function json(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'the reply was not complete JSON' };
  }
}

const RawChoice = z.object({ tool: z.string() }).strict();

/**
 * Validates the choice again, independent of the grammar: only a name this
 * step offered (the ranked short list, answer when it was offered, and
 * proposals of a kind the person asked for in their own words), so a model
 * that slips past its grammar cannot call a tool it was not offered.
 */
export function parseChoice(
  text: string,
  offered: readonly string[],
  tools: readonly CopilotTool[],
  allowed: readonly ActionKind[],
): Parsed<Choice> {
  const parsed = json(text);
  if (!parsed.ok) return parsed;
  const raw = RawChoice.safeParse(parsed.value);
  if (!raw.success) return { ok: false, problem: `not a valid step: ${raw.error.issues[0]?.message ?? 'unknown shape'}` };
  const name = raw.data.tool;
  if (!offered.includes(name))
    return { ok: false, problem: `"${name.slice(0, 60)}" was not offered at this step; choose one of: ${offered.join(', ')}` };
  if (name === ANSWER_CHOICE) return { ok: true, value: { action: 'answer' } };
  if (name.startsWith(PROPOSE_PREFIX)) {
    const kind = ActionKind.safeParse(name.slice(PROPOSE_PREFIX.length));
    if (!kind.success) return { ok: false, problem: `there is no action "${name}"` };
    if (!allowed.includes(kind.data))
      return { ok: false, problem: `the user did not ask for a ${kind.data} action, so it cannot be proposed` };
    return { ok: true, value: { action: 'propose', kind: kind.data } };
  }
  const tool = tools.find((t) => t.name === name);
  return tool ? { ok: true, value: { action: 'tool', tool } } : { ok: false, problem: `there is no tool "${name}"` };
}

/** Validates the arguments with the tool's (or proposal's) own zod schema. */
export function parseArgs(text: string, choice: Exclude<Choice, { action: 'answer' }>): Parsed<Decision> {
  const parsed = json(text);
  if (!parsed.ok) return parsed;
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return { ok: false, problem: 'the arguments must be one JSON object' };
  const given = dropNulls(parsed.value as Record<string, unknown>);
  if (choice.action === 'tool') {
    const args = choice.tool.input.safeParse(given);
    if (!args.success)
      return {
        ok: false,
        problem: `invalid arguments for ${choice.tool.name}: ${args.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      };
    return { ok: true, value: { action: 'tool', tool: choice.tool, args: args.data as Record<string, unknown> } };
  }
  const args = proposalArgs[choice.kind].safeParse(given);
  if (!args.success) return { ok: false, problem: `invalid ${choice.kind} proposal: ${args.error.issues[0]?.message ?? ''}` };
  return { ok: true, value: { action: 'propose', kind: choice.kind, args: args.data } };
}
