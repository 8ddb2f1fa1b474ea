import { describe, expect, it } from 'vitest';
import { tokenizeAnswer, tokenizeInline } from '../../../src-renderer/features/copilot/answer-tokens';
import { citationHref } from '../../../src-renderer/features/copilot/citation-href';
import { readCopilotView } from '../../../src-renderer/platform/routing/copilot-route';

describe('answer tokenizer', () => {
  it('splits paragraphs, bullets, code and citations into data, never markup', () => {
    const blocks = tokenizeAnswer(
      'The load failed [R1].\n\n- host `pricing-db` down **since 03:00** [R2]\n- retries failed\n```\nTraceback\n```',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'code']);
    expect(tokenizeInline('x [R12] y')).toEqual([
      { kind: 'text', text: 'x ' },
      { kind: 'cite', ref: 'R12' },
      { kind: 'text', text: ' y' },
    ]);
    const hostile = tokenizeInline('<img src=x onerror=alert(1)> [javascript:alert(1)]');
    expect(hostile).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> [javascript:alert(1)]' }]);
  });

  it('reads a claim the check did not find as its own piece, not as text or code', () => {
    expect(tokenizeInline('failed in ~~`ghost_task`~~ (not found in the data) [R1]')).toEqual([
      { kind: 'text', text: 'failed in ' },
      { kind: 'unsupported', text: '`ghost_task`' },
      { kind: 'text', text: ' ' },
      { kind: 'cite', ref: 'R1' },
    ]);
  });

  it('turns citations into routes inside the app', () => {
    const log = {
      ref: 'R1',
      kind: 'log',
      dagId: 'etl&x',
      runId: 'scheduled__2025',
      taskId: 'load',
      mapIndex: -1,
      tryNumber: 2,
      line: 29,
      label: '',
    } as const;
    expect(citationHref(log, 'prod')).toBe('#/task?env=prod&dag=etl%26x&run=scheduled__2025&task=load&try=2&line=29');
    expect(citationHref({ ...log, kind: 'task', line: null, mapIndex: 3 }, 'prod')).toBe(
      '#/task?env=prod&dag=etl%26x&run=scheduled__2025&task=load&map=3&try=2',
    );
    expect(citationHref({ ...log, kind: 'run', taskId: null, tryNumber: null, line: null }, 'prod')).toBe(
      '#/run?env=prod&dag=etl%26x&run=scheduled__2025',
    );
    expect(citationHref({ ...log, kind: 'task', runId: null, tryNumber: null, line: null }, 'prod')).toBe(
      '#/dag?env=prod&dag=etl%26x&tab=durations&task=load',
    );
    expect(citationHref({ ...log, kind: 'dag', runId: null, taskId: null, tryNumber: null, line: null }, 'prod')).toBe(
      '#/dag?env=prod&dag=etl%26x',
    );
    expect(
      citationHref({ ...log, kind: 'asset', uri: 's3://lake/o', runId: null, taskId: null, tryNumber: null, line: null }, 'prod'),
    ).toBe('#/lineage?scope=asset&uri=s3%3A%2F%2Flake%2Fo&depth=2');
    expect(readCopilotView({ dag: 'etl', run: 'r1' })).toEqual({
      conversationId: null,
      context: { dagId: 'etl', runId: 'r1' },
      incidentId: null,
    });
    expect(readCopilotView({ incident: 'inc-1' })).toEqual({ conversationId: null, context: null, incidentId: 'inc-1' });
  });
});
