import { describe, expect, it } from 'vitest';
import { tryText } from '../../../src-renderer/features/runs/TaskInstanceTable';

describe('the Try column', () => {
  it('reads "try N of the tries Airflow allows" (max_tries is the retries), and a dash for an instance that never ran', () => {
    expect(tryText({ tryNumber: 1, maxTries: 0 }).text).toBe('1 of 1');
    expect(tryText({ tryNumber: 2, maxTries: 2 })).toEqual({ text: '2 of 3', title: 'Try 2; Airflow allows 3 (2 retries)' });
    expect(tryText({ tryNumber: 4, maxTries: 1 }).text).toBe('4 of 4');
    expect(tryText({ tryNumber: 0, maxTries: 3 })).toEqual({ text: '—', title: 'Never ran' });
  });
});
