import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModeSummary } from './eval-tables';
import { machineLine, writeGuidance } from './write-guidance';

/**
 * Copies the model figures of the last `npm run eval:copilot` (eval/results/latest.json, section
 * copilot) into the guidance table the app ships (src-shared/domain/model-guidance.json).
 * Run it on the machine that ran the eval: the machine line is read here.
 *   npx tsx eval/copilot/guidance-from-results.ts
 */
interface CopilotSection {
  measuredAt: string;
  model: string | null;
  device: string;
  threads: number;
  seeds: { model: number[] };
  sameQuestions: ModeSummary[];
  command?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const results = JSON.parse(readFileSync(join(here, '..', 'results', 'latest.json'), 'utf8')) as { copilot?: CopilotSection };
const section = results.copilot;
const model = section?.sameQuestions.find((s) => s.mode === 'model');
if (section === undefined || section.model === null || model === undefined) {
  process.stderr.write('guidance: eval/results/latest.json has no model figures; run npm run eval:copilot first.\n');
  process.exitCode = 1;
} else {
  const out = join(here, '..', '..', 'src-shared', 'domain', 'model-guidance.json');
  writeGuidance(out, {
    file: section.model,
    model,
    brief: section.sameQuestions.find((s) => s.mode === 'brief') ?? null,
    seeds: section.seeds.model,
    measuredAt: section.measuredAt.slice(0, 10),
    machine: machineLine(section.threads, section.device),
    command: section.command ?? 'npm run eval:copilot',
  });
  process.stdout.write(`guidance: wrote ${section.model} to ${out}\n`);
}
