import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copilotTools } from '../../../src-main/services/copilot/tools/tool-registry';
import { toGrammarSchema, type SchemaNode } from '../../../src-main/services/copilot/agent/grammar-schema';
import type { Generated } from '../synth/synth-fixture';
import { callTool, demoCache, labelsOf } from './demo-copilot-fixture';

let demo: Generated;
beforeAll(() => {
  demo = demoCache();
}, 120_000);
afterAll(() => demo.dispose());

describe('copilot tools over the Demo cache', () => {
  it('each tool has a strict zod input that converts to a grammar schema', () => {
    expect(copilotTools.map((t) => t.name)).toEqual([
      'list_failures',
      'search_failures',
      'get_run',
      'log_excerpt',
      'duration_history',
      'what_changed',
      'compare_runs',
      'anomalies_and_risks',
      'error_patterns',
      'similar_failures',
      'upstream_candidates',
      'downstream_impact',
    ]);
    for (const tool of copilotTools) {
      const grammar = toGrammarSchema(z.toJSONSchema(tool.input) as SchemaNode);
      expect(grammar.type).toBe('object');
      expect(tool.input.safeParse({ unexpected: 1 }).success).toBe(false);
    }
  });

  it('list_failures and get_run show the failure burst with citations', () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    if (!burst) throw new Error('the Demo has a failure burst');
    const first = burst.detail.failedTaskInstances[0];
    if (!first) throw new Error('the burst failed a task');
    const list = callTool(demo.db, 'list_failures', { days: 90, dagId: burst.dagId });
    expect(list.text).toContain(first.runId);
    expect(list.registry.list().every((c) => c.kind === 'run' && c.dagId === burst.dagId)).toBe(true);
    const run = callTool(demo.db, 'get_run', { dagId: burst.dagId, runId: first.runId });
    expect(run.text).toMatch(new RegExp(`\\[R\\d+\\] \\| ${burst.taskId} \\| failed \\|`));
    expect(run.registry.list().some((c) => c.kind === 'task' && c.taskId === burst.taskId)).toBe(true);
  });

  it('log_excerpt finds the cause line of the burst, and search_failures finds the down host', () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    const first = burst?.detail.failedTaskInstances[0];
    if (!burst || !first) throw new Error('the Demo has a failure burst');
    const log = callTool(demo.db, 'log_excerpt', { dagId: burst.dagId, runId: first.runId, taskId: first.taskId });
    expect(log.text).toContain(burst.detail.resource);
    const cited = log.registry.list()[0];
    expect(cited).toMatchObject({ kind: 'log', dagId: burst.dagId, taskId: first.taskId });
    expect(cited?.line).toBeGreaterThan(1);
    const search = callTool(demo.db, 'search_failures', { text: burst.detail.resource, days: 90 });
    expect(search.text).toContain(burst.dagId);
    expect(search.registry.list().length).toBeGreaterThan(0);
  });

  it('what_changed names the bad deploy version, and compare_runs shows the failing tasks', () => {
    const deploy = labelsOf(demo.db, 'bad_deploy')[0];
    const bad = deploy?.detail.failedTaskInstances[0];
    if (!deploy || !bad) throw new Error('the Demo has a bad deploy');
    const changed = callTool(demo.db, 'what_changed', { dagId: deploy.dagId, badRunId: bad.runId });
    expect(changed.text).toContain(`CHANGED DAG version: `);
    expect(changed.text).toContain(`-> ${deploy.detail.badVersion}`);
    const [good, first] = [...changed.text.matchAll(/(?:last good|first bad) run: \[R\d+\] (\S+)/g)].map((m) => m[1]);
    const compare = callTool(demo.db, 'compare_runs', { dagId: deploy.dagId, runIdA: good, runIdB: first });
    expect(compare.text).toMatch(/task instances differ/);
    expect(deploy.detail.taskIds.some((t) => compare.text.includes(`task ${t}`))).toBe(true);
  });

  it('duration_history calls a gradual slowdown slower than its baseline', () => {
    const slow = labelsOf(demo.db, 'gradual_slowdown');
    expect(slow.length).toBeGreaterThan(0);
    for (const label of slow) {
      const out = callTool(demo.db, 'duration_history', { dagId: label.dagId, taskId: label.taskId });
      expect(out.summary).toMatch(/^SLOWER/);
    }
  });

  it('answers plainly when nothing matches, without throwing', () => {
    expect(callTool(demo.db, 'get_run', { dagId: 'nope', runId: 'nope' }).text).toMatch(/no run/);
    expect(callTool(demo.db, 'log_excerpt', { dagId: 'nope', runId: 'r', taskId: 't' }).summary).toBe('no log');
    expect(callTool(demo.db, 'search_failures', { text: 'zzqqxx' }).summary).toBe('no matches');
  });
});
