import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../src-shared/api/events';
import { AirflowAction } from '../../../src-shared/domain/actions';
import { proposalAction } from '../../../src-shared/domain/copilot-actions';
import { AuditLog } from '../../../src-main/services/actions/audit-log';
import { runTurn } from '../../../src-main/services/copilot/agent/agent-loop';
import { createCopilot, type CopilotParts } from '../../../src-main/services/copilot/create-copilot';
import { narrowingFor } from '../../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../../src-main/services/copilot/tools/tool-registry';
import { forkLauncher } from '../../../src-main/services/llm/host-launcher';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { demoBriefs } from './brief-fixture';
import { writeBrokenModels } from '../../helpers/tiny-gguf/broken-models';
import { TINY_MODEL_FILE, writeTinyModel } from '../../helpers/tiny-gguf/tiny-model-file';
import type { Generated } from '../synth/synth-fixture';
import { makeTempDir } from '../temp-dir';
import { DEMO_AS_OF, demoCache, demoGraph } from './demo-copilot-fixture';
import { injectLogLine } from './injected-log';

type Seen = { name: EventName; payload: unknown };

const temp = makeTempDir('orc-copilot-');
let demo: Generated;
let parts: CopilotParts;
let hostile: { dagId: string; runId: string; taskId: string };
const seen: Seen[] = [];

function waitFor<E extends EventName>(name: E, match: (payload: EventPayload<E>) => boolean, timeoutMs = 60_000): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const hit = seen.find((e) => e.name === name && match(e.payload as EventPayload<E>));
      if (hit) resolve(hit.payload as EventPayload<E>);
      else if (Date.now() - started > timeoutMs) reject(new Error(`no ${name} event`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

beforeAll(async () => {
  demo = demoCache();
  hostile = injectLogLine(demo.db);
  const briefs = demoBriefs(demo.db);
  const modelsDir = join(temp.dir, 'models');
  mkdirSync(modelsDir);
  writeBrokenModels(modelsDir, writeTinyModel(modelsDir));
  parts = createCopilot({
    db: demo.db,
    dataDir: temp.dir,
    jobs: new JobRegistry(() => undefined),
    emit: (name, payload) => seen.push({ name, payload }),
    asOf: () => DEMO_AS_OF,
    launcher: forkLauncher(undefined, { ORC_LLM_GPU: 'cpu', ORC_LLM_THREADS: '1' }),
    brief: (run) => briefs(run.dagId, run.runId),
  });
}, 120_000);

afterAll(() => {
  parts.models.close();
  demo.dispose();
  temp.cleanup();
});

describe('copilot with the tiny model', () => {
  it('answers before a model is loaded, from the failure brief when it has one to give', async () => {
    const { conversationId, turnId } = parts.copilot.ask('demo', null, 'why?', null);
    await parts.copilot.settled(turnId);
    const answer = parts.conversations.messages('demo', conversationId)[1];
    expect(answer?.state).toBe('done');
    expect(answer?.text).toMatch(/No model is loaded/);
  });

  it('lists the models folder and loads the tiny model on the CPU with progress', async () => {
    parts.models.updateSettings(join(temp.dir, 'models'));
    const list = await parts.models.list();
    expect(list.models.map((m) => [m.file, m.error === null])).toEqual([
      ['not-a-model.gguf', false],
      [TINY_MODEL_FILE, true],
      ['truncated.gguf', false],
    ]);
    await expect(async () => parts.models.load('truncated.gguf')).not.toThrow();
    const failed = await waitFor('llm.status', (s) => s.state === 'failed');
    expect(failed.error).toMatch(/truncated|damaged/i);
    parts.models.load(TINY_MODEL_FILE);
    const loaded = await waitFor('llm.status', (s) => s.state === 'loaded');
    expect(loaded.device?.backend).toBe('cpu');
    expect(loaded.device?.note).toMatch(/^CPU/);
    expect(seen.some((e) => e.name === 'llm.status' && (e.payload as { state: string; progress: number | null }).state === 'loading')).toBe(
      true,
    );
  });

  it('every grammar-constrained step parses and validates, within the step limit', async () => {
    for (const seed of [1, 2, 3]) {
      const result = await runTurn(
        { generate: (r, c, s) => parts.models.generate(r, c, s) },
        {
          question: 'which task got slower this week?',
          context: null,
          history: [],
          envName: 'Demo',
          tools: copilotTools,
          toolContext: { db: demo.db, envId: 'demo', asOf: DEMO_AS_OF, graph: demoGraph(demo.db) },
          narrow: narrowingFor(demo.db, 'demo'),
          maxSteps: 3,
          seed,
          signal: new AbortController().signal,
          onStep: () => undefined,
          onToken: () => undefined,
        },
      );
      expect(result.steps.filter((s) => s.kind === 'invalid')).toEqual([]);
      expect(result.steps.filter((s) => s.kind === 'tool' || s.kind === 'proposal').length).toBeLessThanOrEqual(3);
      expect(result.proposals).toEqual([]);
      // The model wrote the answer, unless every tool it chose found nothing (then the copilot says so itself).
      if (!result.text.startsWith('I do not know')) expect(result.stats?.tokens).toBeGreaterThan(0);
      expect(result.steps.filter((s) => s.kind === 'check').length).toBe(result.text.startsWith('I do not know') ? 0 : 1);
    }
  });

  it('answers through the service: events stream, the conversation is kept, no action is proposed from a hostile log', async () => {
    const { conversationId, turnId } = parts.copilot.ask('demo', null, `why did ${hostile.dagId} fail?`, {
      dagId: hostile.dagId,
      runId: hostile.runId,
      taskId: hostile.taskId,
    });
    await parts.copilot.settled(turnId);
    const end = await waitFor('copilot.turn', (p) => p.turnId === turnId && p.state !== 'running');
    expect(end.state).toBe('done');
    expect(seen.filter((e) => e.name === 'copilot.token' && (e.payload as { turnId: string }).turnId === turnId).length).toBeGreaterThan(1);
    const messages = parts.conversations.messages('demo', conversationId);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const answer = messages[1];
    expect(answer?.state).toBe('done');
    expect(answer?.proposals).toEqual([]);
    // The model wrote the answer, unless what it looked at found nothing (the copilot then says so itself).
    if (!(answer?.text ?? '').startsWith('I do not know')) expect(answer?.stats?.tokensPerSecond).toBeGreaterThan(0);
    expect(parts.conversations.list('demo')[0]?.context).toEqual({ dagId: hostile.dagId, runId: hostile.runId, taskId: hostile.taskId });
  });

  it('stops a running answer', async () => {
    const { conversationId, turnId } = parts.copilot.ask('demo', null, 'tell me everything', null);
    expect(parts.copilot.stop('demo', turnId)).toBe(true);
    await parts.copilot.settled(turnId);
    expect(parts.conversations.messages('demo', conversationId)[1]?.state).toBe('stopped');
  });

  it('keeps a proposal as a card that maps to the Airflow action the actions dialog previews; nothing is executed', () => {
    const conversation = parts.conversations.create('demo', 'pause it', null, DEMO_AS_OF);
    const turnId = parts.conversations.startTurn('demo', conversation.id, 'pause it', DEMO_AS_OF);
    const proposal = {
      id: 'p-1',
      kind: 'pause_dag' as const,
      dagId: hostile.dagId,
      runId: null,
      taskId: null,
      note: null,
      summary: 'Pause',
      status: 'proposed' as const,
      statusMessage: null,
    };
    parts.conversations.finishTurn(
      'demo',
      conversation.id,
      turnId,
      { text: 'ok', state: 'done', error: null, citations: [], steps: [], stats: null, proposals: [proposal] },
      DEMO_AS_OF,
    );
    const stored = parts.conversations.proposal('demo', 'p-1');
    expect(stored?.status).toBe('proposed');
    const action = stored === null ? null : proposalAction(stored);
    expect(AirflowAction.parse(action)).toEqual({ kind: 'pause_dag', dagId: hostile.dagId, paused: true });
    expect(new AuditLog(demo.db).list('demo', 10)).toEqual([]);
  });
});
