import { describe, expect, it } from 'vitest';
import { corpusAccuracy, groupingAccuracy, loadCorpus } from './log-corpus';

/**
 * The error-pattern miner on real log lines with hand-labelled templates
 * (test/fixtures/log-corpus, built by scripts/log-corpus/). The dev half is the one looked at
 * while designing the miner; the held-out half is reported apart.
 */
describe('log templates on the real-log corpus', () => {
  const corpus = loadCorpus();
  const dev = corpus.filter((l) => l.half === 'dev');
  const heldOut = corpus.filter((l) => l.half === 'held-out');

  it('holds at least 2,000 real lines of at least 100 templates from several sources', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(corpus.map((l) => l.template)).size).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((l) => l.source)).size).toBeGreaterThanOrEqual(6);
    expect(heldOut.length).toBeGreaterThan(corpus.length / 3);
  });

  it('groups the whole corpus and each half with high grouping accuracy', () => {
    const whole = corpusAccuracy(corpus);
    const onDev = corpusAccuracy(dev);
    const onHeldOut = corpusAccuracy(heldOut);
    console.log(`grouping accuracy: whole ${whole.toFixed(4)}, dev ${onDev.toFixed(4)}, held-out ${onHeldOut.toFixed(4)}`);
    // The goal is 0.95 on the whole corpus; these floors are just under what the miner
    // reaches today (dev 0.988, whole 0.947, held-out 0.916), so that a change that loses ground fails.
    expect(onDev).toBeGreaterThanOrEqual(0.985);
    expect(whole).toBeGreaterThanOrEqual(0.945);
    expect(onHeldOut).toBeGreaterThanOrEqual(0.914);
  });
});

describe('grouping accuracy', () => {
  it('counts a line right only when its group holds exactly the lines of its template', () => {
    expect(groupingAccuracy(['a', 'a', 'b'], [1, 1, 2])).toBe(1);
    expect(groupingAccuracy(['a', 'a', 'b'], [1, 1, 1])).toBe(0);
    expect(groupingAccuracy(['a', 'a', 'b'], [1, 2, 3])).toBeCloseTo(1 / 3, 10);
  });
});
