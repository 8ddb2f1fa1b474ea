import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { generateSyntheticHistory } from '../../../src-main/services/synth/generate-history';
import { EVAL_AS_OF } from '../../../eval/copilot/demo-for-eval';
import { evalQuestions } from '../../../eval/copilot/eval-questions';
import { makeTempDir } from '../temp-dir';

describe('copilot eval questions', () => {
  let db: Database.Database;
  const temp = makeTempDir();
  beforeAll(() => {
    db = openCache(join(temp.dir, 'cache.sqlite')).db;
    generateSyntheticHistory(db, { envId: 'demo', dags: 25, days: 90, seed: 4242, asOf: EVAL_AS_OF });
  });
  afterAll(() => {
    db.close();
    temp.cleanup();
  });

  it('asks at least 30 questions, every intent in three wordings, over every kind the seed labels', () => {
    const questions = evalQuestions(db, 'demo', EVAL_AS_OF);
    expect(questions.length).toBeGreaterThanOrEqual(30);
    const byIntent = new Map<string, number>();
    for (const q of questions) byIntent.set(q.intent, (byIntent.get(q.intent) ?? 0) + 1);
    for (const n of byIntent.values()) expect(n).toBe(3);
    const labelled = (db.prepare('SELECT DISTINCT kind FROM synth_labels WHERE env_id = ?').all('demo') as { kind: string }[]).map(
      (r) => r.kind,
    );
    const families = new Set(questions.map((q) => q.family));
    for (const kind of labelled) expect(families, kind).toContain(kind);
    expect(families).toContain('open');
    expect(questions.filter((q) => q.family === 'unanswerable').every((q) => q.abstain && q.names.length === 0)).toBe(true);
  });

  it('derives what is right from the labels: the named ids exist and the question names no decoy', () => {
    const questions = evalQuestions(db, 'demo', EVAL_AS_OF);
    const label = db
      .prepare("SELECT dag_id, task_id FROM synth_labels WHERE env_id = 'demo' AND kind = 'failure_burst' ORDER BY starts_at DESC")
      .get() as { dag_id: string; task_id: string } | undefined;
    if (label !== undefined) {
      const burst = questions.find((q) => q.id === 'burst#1');
      expect(burst?.question).toContain(label.dag_id);
      expect(burst?.names).toContain(label.task_id);
    }
    for (const q of questions) {
      expect(q.decoys.some((d) => q.question.includes(d))).toBe(false);
      if (!q.abstain && q.family !== 'open') expect(q.names.length, q.id).toBeGreaterThan(0);
    }
    const ghost = questions.find((q) => q.intent === 'unknown-dag')?.question ?? '';
    const dags = (db.prepare('SELECT dag_id FROM dags').all() as { dag_id: string }[]).map((r) => r.dag_id);
    expect(dags.some((d) => ghost.includes(d))).toBe(false);
  });
});
