import { describe, expect, it } from 'vitest';
import { generateSyntheticHistory } from '../../../src-main/services/synth/generate-history';
import { contentHash, generate } from './synth-fixture';

describe('synthetic history determinism', () => {
  it('writes byte-identical rows for the same seed and options, different rows for another seed', () => {
    const a = generate({ dags: 10, days: 20, seed: 11 });
    const b = generate({ dags: 10, days: 20, seed: 11 });
    const c = generate({ dags: 10, days: 20, seed: 12 });
    try {
      const hashA = contentHash(a.db);
      expect(a.summary.counts.task_instances).toBeGreaterThan(1000);
      expect(contentHash(b.db)).toBe(hashA);
      expect(b.summary).toEqual(a.summary);
      expect(contentHash(c.db)).not.toBe(hashA);
    } finally {
      a.dispose();
      b.dispose();
      c.dispose();
    }
  });

  it('regenerating into the same cache replaces the previous history', () => {
    const a = generate({ dags: 6, days: 10, seed: 5 });
    try {
      const first = contentHash(a.db);
      generateSyntheticHistory(a.db, { envId: 'demo', dags: 6, days: 10, seed: 6, asOf: a.summary.asOf });
      generateSyntheticHistory(a.db, { envId: 'demo', dags: 6, days: 10, seed: 5, asOf: a.summary.asOf });
      expect(contentHash(a.db)).toBe(first);
    } finally {
      a.dispose();
    }
  });
});
