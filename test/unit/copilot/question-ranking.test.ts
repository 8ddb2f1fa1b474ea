import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveQuestion } from '../../../src-main/services/copilot/agent/question-entities';
import { offeredChoices, SHORT_LIST } from '../../../src-main/services/copilot/agent/step-offer';
import { rankTools } from '../../../src-main/services/copilot/agent/tool-ranking';
import { copilotTools } from '../../../src-main/services/copilot/tools/tool-registry';
import type { Generated } from '../synth/synth-fixture';
import { DEMO_AS_OF, demoCache, labelsOf } from './demo-copilot-fixture';

let demo: Generated;
beforeAll(() => {
  demo = demoCache();
}, 120_000);
afterAll(() => demo.dispose());

const ask = (question: string, context: Parameters<typeof resolveQuestion>[4] = null) =>
  resolveQuestion(demo.db, 'demo', DEMO_AS_OF, question, context);
const rank = (question: string) => rankTools(copilotTools, question, ask(question)).map((r) => r.tool.name);

describe('entities of a question, resolved in the Demo cache', () => {
  it('finds the DAG, the failed run of the day and its failed task for "why did X fail on <date>?"', () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    if (!burst) throw new Error('no burst');
    const day = burst.startsAt.slice(0, 10);
    const e = ask(`Why did ${burst.dagId} fail on ${day}?`);
    expect(e).toMatchObject({ dagId: burst.dagId, date: day, runFrom: 'date', asset: null });
    const failed = demo.db
      .prepare("SELECT task_id FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND state = 'failed'")
      .all(burst.dagId, e.runId) as { task_id: string }[];
    expect(failed.map((r) => r.task_id)).toContain(e.taskId);
    expect(e.days).toBeGreaterThanOrEqual(Math.ceil((Date.parse(DEMO_AS_OF) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000));
  });

  it('takes a quoted run id (with its DAG), a named task, an asset URI, relative days; ignores ids that do not exist', () => {
    const ti = demo.db
      .prepare("SELECT dag_id, run_id, task_id FROM task_instances WHERE env_id = 'demo' AND state = 'failed' LIMIT 1")
      .get() as { dag_id: string; run_id: string; task_id: string };
    expect(ask(`what happened in ${ti.run_id} to ${ti.task_id} of ${ti.dag_id}?`)).toMatchObject({
      dagId: ti.dag_id,
      runId: ti.run_id,
      taskId: ti.task_id,
      runFrom: 'question',
    });
    const uri = (demo.db.prepare("SELECT uri FROM assets WHERE env_id = 'demo' LIMIT 1").get() as { uri: string }).uri;
    expect(ask(`What is downstream of asset ${uri}?`).asset).toBe(uri);
    expect(ask('which task got slower this week?')).toMatchObject({ dagId: null, runId: null, taskId: null, days: 7, date: null });
    expect(ask('what failed yesterday?').date).toBe('2025-06-01');
    expect(ask('why did no_such_dag fail?')).toMatchObject({ dagId: null, runId: null });
  });

  it('uses the context the copilot was opened from when the question names nothing', () => {
    const ti = demo.db
      .prepare("SELECT dag_id, run_id, task_id FROM task_instances WHERE env_id = 'demo' AND state = 'failed' LIMIT 1")
      .get() as { dag_id: string; run_id: string; task_id: string };
    expect(ask('explain this failure', { dagId: ti.dag_id, runId: ti.run_id, taskId: ti.task_id })).toMatchObject({
      dagId: ti.dag_id,
      runId: ti.run_id,
      taskId: ti.task_id,
      runFrom: 'context',
    });
  });
});

describe('tools ranked by the question', () => {
  it('puts the tool that fits the intent first, with its arguments drafted', () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    if (!burst) throw new Error('no burst');
    expect(['log_excerpt', 'get_run', 'list_failures']).toContain(
      rank(`Why did ${burst.dagId} fail on ${burst.startsAt.slice(0, 10)}?`)[0],
    );
    expect(rank('Which task got slower this week?')[0]).toBe('anomalies_and_risks');
    expect(rankTools(copilotTools, 'Which task got slower this week?', ask('Which task got slower this week?'))[0]?.draft).toMatchObject({
      about: 'slowdown',
    });
    const uri = (demo.db.prepare("SELECT uri FROM assets WHERE env_id = 'demo' LIMIT 1").get() as { uri: string }).uri;
    const down = rankTools(copilotTools, `What is downstream of asset ${uri}?`, ask(`What is downstream of asset ${uri}?`))[0];
    expect(down).toMatchObject({ draft: { asset: uri }, ready: true });
    expect(down?.tool.name).toBe('downstream_impact');
    expect(rank(`What new error appeared in ${burst.dagId} recently?`)[0]).toBe('error_patterns');
    expect(rank(`Why did ${burst.dagId} start failing on ${burst.startsAt.slice(0, 10)}?`)[0]).toBe('what_changed');
  });

  it('drafts only valid arguments; a tool missing a required id sinks', () => {
    const ranked = rankTools(copilotTools, 'which task got slower this week?', ask('which task got slower this week?'));
    const duration = ranked.find((r) => r.tool.name === 'duration_history');
    expect(duration).toMatchObject({ ready: false, draft: { days: 7 } });
    for (const r of ranked) expect(r.tool.input.partial().safeParse(r.draft).success).toBe(true);
  });

  it('offers a short list with answer and only the proposals the person asked for; used tools sink', () => {
    const broad = rankTools(copilotTools, 'anything odd today?', ask('anything odd today?'));
    expect(offeredChoices(broad, new Map(), [], [])).toHaveLength(SHORT_LIST + 1);
    const ranked = rankTools(copilotTools, 'which task got slower this week?', ask('which task got slower this week?'));
    const first = offeredChoices(ranked, new Map(), [], []);
    // Only the tools the question points at whose arguments it resolves, and no answer before a first look.
    expect(first.map((o) => o.name)).toEqual(['anomalies_and_risks']);
    expect(first.some((o) => o.name.startsWith('propose_'))).toBe(false);
    const afterOne = offeredChoices(ranked, new Map([['anomalies_and_risks', 1]]), [], []);
    expect(afterOne.map((o) => o.name)).toEqual(['duration_history', 'answer']);
    // Once every tool the question points at has run, the only step left is the answer.
    expect(
      offeredChoices(
        ranked,
        new Map([
          ['anomalies_and_risks', 1],
          ['duration_history', 1],
        ]),
        [],
        [],
      ).map((o) => o.name),
    ).toEqual(['answer']);
    expect(afterOne[0]?.name).not.toBe('anomalies_and_risks');
    expect(
      offeredChoices(
        ranked,
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
        [],
        [],
      )[0]?.name,
    ).toBe('answer');
    expect(offeredChoices(ranked, new Map(), ['pause_dag'], []).map((o) => o.name)[0]).toBe('propose_pause_dag');
    expect(offeredChoices(ranked, new Map(), ['pause_dag'], ['pause_dag']).some((o) => o.name === 'propose_pause_dag')).toBe(false);
  });
});
