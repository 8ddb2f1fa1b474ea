import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSection } from '../../../eval/copilot/results-file';
import { sizeOf, writeGuidance } from '../../../eval/copilot/write-guidance';
import type { ModeSummary } from '../../../eval/copilot/eval-tables';
import { guidanceFor, MODEL_GUIDANCE, ModelGuidance } from '../../../src-shared/domain/model-guidance';
import { guidanceRows } from '../../../src-renderer/features/copilot/model-guidance-rows';
import { makeTempDir } from '../temp-dir';

const summary = (mode: ModeSummary['mode'], right: number): ModeSummary => ({
  mode,
  questions: 15,
  right,
  wrongNamed: 1,
  hallucinatedRaw: 2,
  hallucinatedShown: 1,
  checkerMarked: 0,
  abstainedOk: '2/3',
  falseAbstentions: 0,
  citationsResolve: 1,
  meanSeconds: 61.4,
  meanTokensRead: 5321,
  toolChoice: { scored: 4, right: 0.75, randomExpected: 0.5 },
  openRight: 0.5,
});

describe('copilot eval files', () => {
  it('writes its section of latest.json and keeps the others', () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, 'latest.json');
      writeFileSync(path, JSON.stringify({ seeds: { fixed: [1] }, results: [{ name: 'x', value: 1 }] }));
      writeSection(path, 'copilot', { questions: 3 });
      writeSection(path, 'copilot', { questions: 4 });
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
        seeds: { fixed: [1] },
        results: [{ name: 'x', value: 1 }],
        copilot: { questions: 4 },
      });
    } finally {
      temp.cleanup();
    }
  });

  it('puts a measured model into the guidance table, one row per file, smallest first', () => {
    const temp = makeTempDir();
    try {
      const path = join(temp.dir, 'guidance.json');
      const common = { seeds: [1], measuredAt: '2026-12-07', machine: 'test CPU', command: 'npm run eval:copilot' };
      writeGuidance(path, {
        ...common,
        file: 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf',
        model: summary('model', 0.6),
        brief: summary('brief', 0.4),
      });
      writeGuidance(path, { ...common, file: 'qwen2.5-coder-0.5b-instruct-q4_k_m.gguf', model: summary('model', 0.3), brief: null });
      writeGuidance(path, { ...common, file: 'qwen2.5-coder-0.5b-instruct-q4_k_m.gguf', model: summary('model', 0.4), brief: null });
      const g = ModelGuidance.parse(JSON.parse(readFileSync(path, 'utf8')));
      expect(g.models.map((m) => [m.size, m.right])).toEqual([
        ['0.5B', 0.4],
        ['1.5B', 0.6],
      ]);
      expect(guidanceFor('QWEN2.5-coder-1.5b-instruct-q4_k_m.gguf', g)?.briefAloneRight).toBe(0.4);
      const rows = guidanceRows(g, 'qwen2.5-coder-0.5b-instruct-q4_k_m.gguf');
      expect(rows[0]).toMatchObject({ size: '0.5B', right: '40 %', current: true, speed: '61 s · 5,321 tokens read' });
      expect(rows[1]?.current).toBe(false);
    } finally {
      temp.cleanup();
    }
  });

  it('reads sizes from file names, and the shipped table is valid and measured', () => {
    expect(sizeOf('SmolLM2-135M-Instruct.Q4_1.gguf')).toBe('135M');
    expect(sizeOf('gemma-3-270m-q4_k_m.gguf')).toBe('270M');
    expect(sizeOf('model.gguf')).toBe('?');
    for (const m of MODEL_GUIDANCE.models) {
      expect(m.questions).toBeGreaterThan(0);
      expect(MODEL_GUIDANCE.machine).not.toBe('');
    }
  });
});
