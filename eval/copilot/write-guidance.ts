import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ModelGuidance, type MeasuredModel } from '../../src-shared/domain/model-guidance';
import type { ModeSummary } from './eval-tables';

/** The machine in one line: CPU model and cores, the threads the model used, the device it ran on. */
export function machineLine(threads: number, device: string): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores (${threads} threads for the model), ${Math.round(totalmem() / 2 ** 30)} GiB RAM; ${device}`;
}

/** The parameter count a GGUF file name states ("qwen2.5-coder-0.5b-…" → "0.5B"), or "?". */
export function sizeOf(file: string): string {
  const m = /(?:^|[-_.])(\d+(?:\.\d+)?)([bm])(?=[-_.]|$)/i.exec(file);
  return m ? `${m[1]}${(m[2] ?? '').toUpperCase()}` : '?';
}

/**
 * Puts one model's measured figures into the shipped guidance table (replacing that model's
 * row, keeping the others): what the LLM settings show where the user picks a model.
 */
export function writeGuidance(
  path: string,
  entry: {
    file: string;
    model: ModeSummary;
    brief: ModeSummary | null;
    seeds: number[];
    measuredAt: string;
    machine: string;
    command: string;
  },
): void {
  const current = existsSync(path)
    ? ModelGuidance.parse(JSON.parse(readFileSync(path, 'utf8')))
    : { measuredAt: '', machine: '', command: '', models: [], notMeasured: null };
  const row: MeasuredModel = {
    file: entry.file,
    size: sizeOf(entry.file),
    right: entry.model.right,
    openRight: entry.model.openRight,
    briefAloneRight: entry.brief?.right ?? null,
    hallucinatedShown: entry.model.hallucinatedShown,
    abstained: entry.model.abstainedOk,
    secondsPerAnswer: entry.model.meanSeconds,
    tokensReadPerAnswer: entry.model.meanTokensRead,
    questions: entry.model.questions,
    seeds: entry.seeds,
  };
  const next: ModelGuidance = {
    measuredAt: entry.measuredAt,
    machine: entry.machine,
    command: entry.command,
    models: [...current.models.filter((m) => m.file !== entry.file), row].sort((a, b) => parseFloat(a.size) - parseFloat(b.size)),
    notMeasured: current.notMeasured,
  };
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
}
