import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from './print-eval';
import { CI_EVAL, FULL_EVAL, runEval } from './run-eval';

const here = dirname(fileURLToPath(import.meta.url));
const full = process.env.EVAL_FULL === '1';
const started = performance.now();
const report = runEval(full ? FULL_EVAL : CI_EVAL);
process.stdout.write(`${formatReport(report)}\n\nEval took ${((performance.now() - started) / 1000).toFixed(1)} s (${full ? 'full' : 'CI size; EVAL_FULL=1 for the full one'}).\n`);
const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report.results, null, 2)}\n`);
process.stderr.write(`eval: wrote ${out}\n`);
