import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { runTurn, type TurnInput } from '../../../src-main/services/copilot/agent/agent-loop';
import { answerWithBriefAlone } from '../../../src-main/services/copilot/brief/brief-answer';
import { narrowingFor } from '../../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../../src-main/services/copilot/tools/tool-registry';
import type { Generated } from '../synth/synth-fixture';
import { demoBriefs } from './brief-fixture';
import { DEMO_AS_OF, demoCache, demoGraph, labelsOf } from './demo-copilot-fixture';
import { ScriptedModel } from './scripted-model';

let demo: Generated;
let brief: (dagId: string, runId: string) => FailureBrief | null;
beforeAll(() => {
  demo = demoCache();
  brief = demoBriefs(demo.db);
}, 120_000);
afterAll(() => demo.dispose());

function input(question: string, extra: Partial<TurnInput> = {}): TurnInput {
  return {
    question,
    context: null,
    history: [],
    envName: 'Demo',
    tools: copilotTools,
    toolContext: { db: demo.db, envId: 'demo', asOf: DEMO_AS_OF, graph: demoGraph(demo.db) },
    narrow: narrowingFor(demo.db, 'demo'),
    maxSteps: 4,
    seed: 1,
    signal: new AbortController().signal,
    brief: (dagId, runId) => brief(dagId, runId),
    onStep: () => undefined,
    onToken: () => undefined,
    ...extra,
  };
}

const burst = () => {
  const l = labelsOf(demo.db, 'failure_burst')[0];
  if (!l) throw new Error('no failure burst in the Demo');
  const last = l.detail.failedTaskInstances.at(-1);
  if (!last) throw new Error('no failed run');
  return { dagId: l.dagId, taskId: l.taskId ?? '', runId: last.runId };
};

describe('facts first: the failure brief comes before any model', () => {
  it('without a model, the brief is the answer: the failing task, cited, the same text as the brief-alone answer of the eval', async () => {
    const b = burst();
    const steps: string[] = [];
    const result = await runTurn(
      null,
      input(`why did ${b.dagId} fail?`, { context: { dagId: b.dagId, runId: b.runId }, onStep: (s) => steps.push(s.kind) }),
    );
    expect(result.state).toBe('done');
    expect(steps).toEqual(['brief']);
    expect(result.steps[0]?.brief?.failedTask?.taskId).toBe(b.taskId);
    expect(result.text).toMatch(/^- Run /);
    expect(result.text).toContain(`task ${b.taskId}`);
    const refs = [...result.text.matchAll(/\[(R\d+)\]/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(1);
    for (const ref of refs) expect(result.citations.some((c) => c.ref === ref)).toBe(true);
    // The eval's brief-alone answer is the same text.
    expect(answerWithBriefAlone(result.steps[0]?.brief as FailureBrief).text).toBe(result.text);
  });

  it('without a model and without a failed run to brief, it says so instead of a dead end', async () => {
    const result = await runTurn(null, input('what should I look at first today?'));
    expect(result.steps).toEqual([]);
    expect(result.text).toMatch(/No model is loaded/);
  });

  it('with a model, a brief question goes straight to the prose (no tool steps), and a made-up task id is marked, never shown as fact', async () => {
    const b = burst();
    const model = new ScriptedModel([], `${b.taskId} failed in ${b.runId}; the real cause is in ghost_loader_task, 17 times.`);
    const tokens: string[] = [];
    const result = await runTurn(model, input(`why did ${b.dagId} fail?`, { onToken: (t) => tokens.push(t) }));
    expect(model.choiceRequests()).toEqual([]);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]?.messages.at(-1)?.text).toMatch(/Result of failure_brief:\n<<<AIRFLOW_DATA [0-9a-f]{8}>>>/);
    expect(result.steps.map((s) => s.kind)).toEqual(['brief', 'check']);
    expect(result.unsupported).toEqual([
      { kind: 'id', text: 'ghost_loader_task' },
      { kind: 'count', text: '17' },
    ]);
    expect(result.text).toContain('~~ghost_loader_task~~ (not found in the data)');
    expect(result.text).not.toMatch(new RegExp(`~~${b.taskId}~~`));
    expect(result.steps[1]?.claims).toMatchObject({ checked: 4, unsupported: result.unsupported });
    expect(tokens.join('')).not.toMatch(/(^|[^~])ghost_loader_task/);
  });

  it('an open question gets no brief and the model chooses the tools', async () => {
    const model = new ScriptedModel(
      ['{"action":"tool","tool":"list_failures","args":{"days":1}}', '{"action":"answer"}'],
      'Nothing failed today.',
    );
    const result = await runTurn(model, input('what should I look at first today?'));
    expect(result.steps[0]?.kind).toBe('tool');
    expect(result.steps.some((s) => s.kind === 'brief')).toBe(false);
  });

  it('when the tools found nothing, it says it does not know and what it looked at, without the model writing around it', async () => {
    const healthy = (
      demo.db
        .prepare(
          `SELECT dag_id FROM dags WHERE env_id = 'demo' AND dag_id NOT IN (SELECT dag_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed') ORDER BY dag_id LIMIT 1`,
        )
        .get() as { dag_id: string }
    ).dag_id;
    const args = { days: 1, dagId: healthy };
    const model = new ScriptedModel(
      [JSON.stringify({ action: 'tool', tool: 'list_failures', args }), '{"action":"answer"}'],
      'It was ghost_loader_task.',
    );
    const result = await runTurn(model, input('what should I look at first today?'));
    expect(result.text).toMatch(/^I do not know/);
    expect(result.text).toContain(`list_failures ${JSON.stringify(args)}: no failed runs`);
    expect(result.text).not.toContain('ghost_loader_task');
    expect(model.requests.every((r) => r.jsonSchema !== null)).toBe(true);
  });
});
