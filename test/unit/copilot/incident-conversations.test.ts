import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { copilotRequests } from '../../../src-shared/api/requests/copilot';
import { AuditLog } from '../../../src-main/services/actions/audit-log';
import { AnalyticsStore } from '../../../src-main/services/analytics/analytics-store';
import { ConversationStore } from '../../../src-main/services/copilot/conversation-store';
import { CopilotService } from '../../../src-main/services/copilot/copilot-service';
import { incidentContext } from '../../../src-main/services/copilot/incident-link';
import { DEMO_SEED } from '../../../src-main/services/demo/demo-environment';
import { IncidentService } from '../../../src-main/services/incidents/incident-service';
import { TaskInvestigator } from '../../../src-main/services/investigate/task-investigation';
import { generate, type Generated } from '../synth/synth-fixture';
import { DEMO_AS_OF, demoGraph } from './demo-copilot-fixture';
import { answerWhenOffered, ScriptedModel } from './scripted-model';

let demo: Generated;
let incidents: IncidentService;
let store: ConversationStore;
let model: ScriptedModel;
let copilot: CopilotService;

interface RunRow {
  dag_id: string;
  run_id: string;
}

beforeAll(() => {
  demo = generate({ dags: 6, days: 14, seed: DEMO_SEED, asOf: DEMO_AS_OF });
  demo.db
    .prepare(`INSERT INTO environments (id, name, kind, color, created_at) VALUES ('other', 'Other', 'airflow3', '#00ff00', ?)`)
    .run(DEMO_AS_OF);
  incidents = new IncidentService(demo.db, new AnalyticsStore(demo.db), new TaskInvestigator(demo.db), new AuditLog(demo.db));
  store = new ConversationStore(demo.db);
  model = new ScriptedModel([answerWhenOffered]);
  copilot = new CopilotService({
    db: demo.db,
    store,
    model: { ready: () => true, generate: (request, onChunk) => model.generate(request, onChunk) },
    emit: () => undefined,
    asOf: () => DEMO_AS_OF,
    graph: demoGraph(demo.db),
  });
}, 120_000);
afterAll(() => demo.dispose());

/** Asks and waits for the answer to be stored. */
async function ask(conversationId: string | null, question: string, incidentId: string | null): Promise<string> {
  const started = copilot.ask('demo', conversationId, question, null, incidentId);
  await copilot.settled(started.turnId);
  return started.conversationId;
}

describe('copilot conversations of an incident', () => {
  it('lists a conversation started from an incident under it, and keeps it in the environment when the incident is deleted', async () => {
    const outage = incidents.create('demo', 'Warehouse outage', undefined);
    const unrelated = incidents.create('demo', 'Something else', undefined);
    const id = await ask(null, 'what failed today?', outage.id);
    await ask(id, 'and yesterday?', unrelated.id);

    const listed = store.list('demo', outage.id);
    expect(listed.map((c) => [c.id, c.incidentId, c.incidentTitle])).toEqual([[id, outage.id, 'Warehouse outage']]);
    expect(store.list('demo', unrelated.id)).toEqual([]);
    expect(store.list('demo').find((c) => c.id === id)?.incidentTitle).toBe('Warehouse outage');

    expect(incidents.delete(outage.id)).toBe(true);
    const kept = store.get('demo', id);
    expect(kept).toMatchObject({ id, envId: 'demo', incidentId: null, incidentTitle: null });
    expect(store.list('demo').map((c) => c.id)).toContain(id);
    expect(store.messages('demo', id).map((m) => [m.role, m.state])).toEqual([
      ['user', 'done'],
      ['assistant', 'done'],
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
  });

  it('refuses an incident of another environment, or one that does not exist, saying what to do', () => {
    const elsewhere = incidents.create('other', 'Other outage', undefined);
    const before = store.list('demo').length;
    const refused = (() => {
      try {
        copilot.ask('demo', null, 'why?', null, elsewhere.id);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'invalid_input', message: 'Incident "Other outage" is about environment Other, not Demo.' });
    expect((refused as ApiError).hint).toMatch(/Ask the copilot.*incident’s page/);
    expect(() => copilot.ask('demo', null, 'why?', null, 'inc-missing')).toThrow(/no incident "inc-missing"/);
    expect(store.list('demo')).toHaveLength(before);
    expect(store.list('other')).toEqual([]);
  });

  it('takes the incident’s pinned failed run as the question’s context when the question names none', async () => {
    const ok = demo.db
      .prepare("SELECT dag_id, run_id FROM dag_runs WHERE env_id = 'demo' AND state = 'success' ORDER BY start_date LIMIT 1")
      .get() as RunRow;
    const failed = demo.db
      .prepare("SELECT dag_id, run_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' ORDER BY start_date LIMIT 1")
      .get() as RunRow;
    const incident = incidents.create('demo', 'Nightly load failed', {
      kind: 'view',
      view: 'lineage',
      envId: 'demo',
      route: '#/lineage',
      title: 'Lineage',
    });
    incidents.pin(incident.id, { kind: 'run', envId: 'demo', dagId: ok.dag_id, runId: ok.run_id });
    incidents.pin(incident.id, { kind: 'run', envId: 'demo', dagId: failed.dag_id, runId: failed.run_id });
    expect(incidentContext(demo.db, incident.id)).toEqual({ dagId: failed.dag_id, runId: failed.run_id });

    model.requests.length = 0;
    await ask(null, 'why did it fail?', incident.id);
    expect(JSON.stringify(model.requests[0]?.messages)).toContain(failed.run_id);
  });

  it('takes the incident id as a strict, optional input', () => {
    const input = copilotRequests['copilot.ask'].input;
    expect(input.parse({ envId: 'demo', question: 'why?' })).toMatchObject({ incidentId: null });
    expect(input.safeParse({ envId: 'demo', question: 'why?', incidentId: '../x' }).success).toBe(false);
    expect(copilotRequests['copilot.conversations'].input.safeParse({ envId: 'demo', incident: 'inc-1' }).success).toBe(false);
  });
});
