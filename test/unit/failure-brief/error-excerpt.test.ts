import { describe, expect, it } from 'vitest';
import { errorExcerpt } from '../../../src-main/services/failure-brief/error-excerpt';

const stamped = (level: string, text: string): string => `[2025-05-31T23:21:11.350+0000] {taskinstance.py:1} ${level} - ${text}`;

describe('errorExcerpt: the error line as the pattern miner picks it, with a screenful around it', () => {
  it('marks the exception line after the last traceback, not an earlier one', () => {
    const log = [
      ...Array.from({ length: 40 }, (_, i) => stamped('INFO', `step ${i}`)),
      'Traceback (most recent call last):',
      '  File "a.py", line 1, in f',
      'ValueError: first',
      stamped('INFO', 'retrying'),
      'Traceback (most recent call last):',
      '  File "b.py", line 2, in g',
      "KeyError: 'region'",
      stamped('ERROR', 'Failed to execute job 1 for task t'),
      '',
    ].join('\n');
    const e = errorExcerpt(log);
    expect(e.errorIndex).not.toBeNull();
    expect(e.lines[e.errorIndex ?? -1]).toBe("KeyError: 'region'");
    expect(e.firstLineNo + (e.errorIndex ?? 0)).toBe(47);
    expect(e.lines.length).toBeLessThanOrEqual(19);
  });

  it('falls back to the last meaningful ERROR line', () => {
    const log = [
      stamped('INFO', 'start'),
      stamped('ERROR', 'Connection refused by db-3:5432'),
      stamped('ERROR', 'Task failed with exception'),
    ].join('\n');
    const e = errorExcerpt(log);
    expect(e.lines[e.errorIndex ?? -1]).toContain('Connection refused by db-3:5432');
  });

  it('without an error line: the last lines and no index; every line bounded', () => {
    const e = errorExcerpt(['quiet', 'x'.repeat(10_000)].join('\n'));
    expect(e.errorIndex).toBeNull();
    expect(e.lines).toHaveLength(2);
    expect(e.lines[1]?.length).toBe(2000);
  });
});
