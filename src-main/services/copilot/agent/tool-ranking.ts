import type { z } from 'zod';
import type { AnomalyTopic } from '../tools/anomalies-risks';
import type { CopilotTool } from '../tools/tool-types';
import type { QuestionEntities } from './question-entities';

/** One tool as offered to the model at a step: its rank, why, and arguments drafted from the question. */
export interface RankedTool {
  readonly tool: CopilotTool;
  readonly score: number;
  /** Points from the question's words (and a named asset) alone: 0 when the question does not point at this tool. */
  readonly intent: number;
  /** Arguments resolved from the question and the cache; the model may change them. */
  readonly draft: Record<string, string | number>;
  /** True when every required argument is in the draft. */
  readonly ready: boolean;
}

/** Words of a question and the tools they point to, with weights. */
const INTENTS: readonly { readonly words: RegExp; readonly tools: Readonly<Record<string, number>> }[] = [
  {
    words: /\b(fail(ed|s|ing|ure|ures)?|broke|broken|crash(ed)?|error(s)?|went wrong|red)\b/i,
    tools: {
      list_failures: 3,
      get_run: 3,
      log_excerpt: 3,
      what_changed: 1,
      similar_failures: 1,
      upstream_candidates: 1,
      error_patterns: 1,
    },
  },
  { words: /\bwhy\b/i, tools: { log_excerpt: 2, get_run: 1, what_changed: 1, upstream_candidates: 1 } },
  {
    words: /\b(start(ed)? failing|since when|since|changed?|deploy(ed|ment)?|version|regression)\b/i,
    tools: { what_changed: 5, compare_runs: 2 },
  },
  { words: /\b(slow(er|ly|down)?|duration|longer|took|runtime|late|sla)\b/i, tools: { anomalies_and_risks: 5, duration_history: 4 } },
  { words: /\b(anomal(y|ies|ous)|risk(s|y)?|unusual|likely to fail|at risk)\b/i, tools: { anomalies_and_risks: 6 } },
  {
    words: /\b(downstream|impact(ed)?|affect(ed|s)?|consumers?|depend(s|ent|ents)? on|who uses|blast radius)\b/i,
    tools: { downstream_impact: 8 },
  },
  { words: /\b(upstream|root cause|caused by|cause)\b/i, tools: { upstream_candidates: 4 } },
  {
    words: /\b(new error|new exception|exception|pattern(s)?|kind of error|error type|appeared)\b/i,
    tools: { error_patterns: 6, search_failures: 2 },
  },
  { words: /\b(log(s)?|traceback|stack ?trace|message)\b/i, tools: { log_excerpt: 4 } },
  { words: /\b(compare|differ(ence|s)?|versus|vs\.?)\b/i, tools: { compare_runs: 5, what_changed: 2 } },
  { words: /\b(before|again|similar|happened before|recurring|how often)\b/i, tools: { similar_failures: 4, error_patterns: 1 } },
  { words: /\b(search|grep|find|mention(s|ed)?|contain(s|ing)?)\b/i, tools: { search_failures: 4 } },
];

/** The kind of anomaly a question asks about, by its words (first match wins), or null. */
const TOPIC_WORDS: readonly (readonly [RegExp, AnomalyTopic])[] = [
  [/\b(slow(er|ly|down)?|duration|longer|took|runtime)\b/i, 'slowdown'],
  [/\b(late|sla|missed|queued?|pool|starv(ed|ing))\b/i, 'timing'],
  [/\b(new error|new exception|error pattern)\b/i, 'errors'],
  [/\b(fail(ed|s|ing|ure|ures)?|flaky|crash(ed)?)\b/i, 'failures'],
];

export function anomalyTopicOf(question: string): AnomalyTopic | null {
  return TOPIC_WORDS.find(([words]) => words.test(question))?.[1] ?? null;
}

/** When a question points nowhere: the broad overviews first. */
const PRIOR: Readonly<Record<string, number>> = {
  list_failures: 0.3,
  anomalies_and_risks: 0.25,
  error_patterns: 0.2,
  search_failures: 0.1,
};

/** The argument names a tool's schema requires. */
function requiredArgs(tool: CopilotTool): string[] {
  return Object.entries(tool.input.shape)
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([k]) => k);
}

/** Arguments of one tool (or proposal) filled from what the question names, where its schema takes them. */
export function draftArgs(input: z.ZodObject, e: QuestionEntities): Record<string, string | number> {
  const shape = input.shape;
  const out: Record<string, string | number> = {};
  const put = (key: string, value: string | number | null) => {
    if (value !== null && key in shape && shape[key]?.safeParse(value).success === true) out[key] = value;
  };
  if (e.asset !== null && 'asset' in shape) put('asset', e.asset);
  else put('dagId', e.dagId);
  put('runId', e.runId);
  put('badRunId', e.runId);
  put('taskId', e.taskId);
  put('days', e.days);
  return out;
}

/**
 * Orders the tools for a question: intent words give points, a tool whose
 * required arguments the question already resolves gains, one that needs an
 * id nobody named loses. The model sees the ranking and picks among the top.
 */
export function rankTools(tools: readonly CopilotTool[], question: string, e: QuestionEntities): RankedTool[] {
  const intents = new Map<string, number>(tools.map((t) => [t.name, 0]));
  for (const intent of INTENTS) {
    if (!intent.words.test(question)) continue;
    for (const [name, w] of Object.entries(intent.tools)) if (intents.has(name)) intents.set(name, (intents.get(name) ?? 0) + w);
  }
  if (e.asset !== null) intents.set('downstream_impact', (intents.get('downstream_impact') ?? 0) + 6);
  const ranked = tools.map((tool) => {
    const draft = draftArgs(tool.input, e);
    if (tool.name === 'list_failures' && draft.days === undefined) draft.days = 7;
    const topic = tool.name === 'anomalies_and_risks' ? anomalyTopicOf(question) : null;
    if (topic !== null) draft.about = topic;
    const missing = requiredArgs(tool).filter((k) => draft[k] === undefined);
    const fit = missing.length === 0 ? 2 : -2 * missing.length;
    const intent = intents.get(tool.name) ?? 0;
    return { tool, draft, ready: missing.length === 0, intent, score: intent + (PRIOR[tool.name] ?? 0) + fit };
  });
  return ranked.sort((a, b) => b.score - a.score || tools.indexOf(a.tool) - tools.indexOf(b.tool));
}
