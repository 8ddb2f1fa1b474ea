import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODES } from './eval-options';
import type { EvalRow } from './eval-row';
import { modeTable, questionTable, summarize } from './eval-tables';
import { writeSection } from './results-file';

/**
 * Prints the tables of the copilot section of eval/results/latest.json again (after runs in parts
 * with --append, or a change of the tables), and writes its summaries recomputed from its rows.
 *   npx tsx eval/copilot/print-results.ts
 */
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'latest.json');
const section = (JSON.parse(readFileSync(out, 'utf8')) as { copilot?: Record<string, unknown> & { rows: EvalRow[] } }).copilot;
if (section === undefined) {
  process.stderr.write('print-results: no copilot section in eval/results/latest.json\n');
  process.exitCode = 1;
} else {
  const rows = section.rows;
  const modes = MODES.filter((m) => rows.some((r) => r.mode === m));
  const asked = new Set(rows.filter((r) => r.mode !== 'brief').map((r) => `${r.seed} ${r.id}`));
  const sameQuestions = modes.map((m) =>
    summarize(
      m,
      rows.filter((r) => r.mode === m && (asked.size === 0 || asked.has(`${r.seed} ${r.id}`))),
    ),
  );
  const overall = modes.map((m) =>
    summarize(
      m,
      rows.filter((r) => r.mode === m),
    ),
  );
  const seeds = [...new Set(rows.map((r) => r.seed))];
  const bySeed = seeds.flatMap((s) =>
    modes
      .filter((m) => rows.some((r) => r.seed === s && r.mode === m))
      .map((m) => ({
        seed: s,
        fresh: rows.find((r) => r.seed === s)?.fresh ?? false,
        ...summarize(
          m,
          rows.filter((r) => r.seed === s && r.mode === m),
        ),
      })),
  );
  const lines = [
    ...questionTable(rows.filter((r) => r.mode !== 'brief')),
    '',
    ...modeTable('Same questions, each way (those the model answered):', sameQuestions),
    '',
    ...modeTable('Every seed asked:', overall),
    '',
    ...seeds.flatMap((s) =>
      modeTable(
        `Seed ${s}${rows.find((r) => r.seed === s)?.fresh ? ' (fresh)' : ''}, same questions:`,
        modes.map((m) =>
          summarize(
            m,
            rows.filter((r) => r.seed === s && r.mode === m && (asked.size === 0 || asked.has(`${r.seed} ${r.id}`))),
          ),
        ),
      ).concat(''),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeSection(out, 'copilot', { ...section, sameQuestions, overall, bySeed });
}
