import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../src-shared/domain/copilot';
import { linkMentions } from '../../../src-main/services/copilot/agent/link-mentions';

const base = { mapIndex: null, tryNumber: null, line: null } as const;
const run: Citation = {
  ...base,
  ref: 'R1',
  kind: 'run',
  dagId: 'shop_sales',
  runId: 'scheduled__2025-01-09T00:00:00+00:00',
  taskId: null,
  label: 'shop_sales · scheduled__2025-01-09T00:00:00+00:00',
};
const task: Citation = {
  ...base,
  ref: 'R2',
  kind: 'task',
  dagId: 'shop_sales',
  runId: run.runId,
  taskId: 'load_orders',
  label: 'shop_sales.load_orders',
};
const log: Citation = {
  ...base,
  ref: 'R3',
  kind: 'log',
  dagId: 'shop_sales',
  runId: run.runId,
  taskId: 'load_orders',
  tryNumber: 2,
  line: 40,
  label: 'shop_sales.load_orders try 2, line 40',
};
const short: Citation = {
  ...base,
  ref: 'R4',
  kind: 'task',
  dagId: 'shop_sales',
  runId: run.runId,
  taskId: 'load',
  label: 'shop_sales.load',
};

describe('linking what an answer names to the references it used', () => {
  it('adds the run and task references after their first mention, leaving the rest of the text as written', () => {
    const answer = 'Run scheduled__2025-01-09T00:00:00+00:00 failed in load_orders: connection refused. load_orders retried twice.';
    const out = linkMentions(answer, [run, task, log]);
    expect(out.text).toBe(
      'Run scheduled__2025-01-09T00:00:00+00:00 [R1] failed in load_orders [R2][R3]: connection refused. load_orders retried twice.',
    );
    expect(out.added).toEqual(['R1', 'R2', 'R3']);
  });

  it('keeps what the model cited itself and does not cite it twice', () => {
    const out = linkMentions('load_orders failed [R2].', [task]);
    expect(out).toEqual({ text: 'load_orders failed [R2].', added: [] });
  });

  it('does not link a short id or an id inside a longer one', () => {
    const out = linkMentions('The load step and load_orders_v2 both ran.', [task, short]);
    expect(out.added).toEqual([]);
  });

  it('does not split a dotted dag.task name', () => {
    const dag: Citation = { ...base, ref: 'R5', kind: 'dag', dagId: 'shop_sales', runId: null, taskId: null, label: 'shop_sales' };
    expect(linkMentions('shop_sales.load_orders got slower.', [dag]).text).toBe('shop_sales.load_orders [R5] got slower.');
  });

  it('puts the reference after a code span, not inside it', () => {
    expect(linkMentions('Task `load_orders` failed.', [task]).text).toBe('Task `load_orders` [R2] failed.');
  });
});
