import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport } from './print-eval';
import { CI_EVAL, FULL_EVAL, runEval } from './run-eval';

const FRESH_COUNT = 2;

/** `--fresh-seeds=a,b` repeats a run's random seeds; without it, FRESH_COUNT new ones are drawn. */
function freshSeeds(argv: readonly string[]): number[] {
  const given = argv.find((a) => a.startsWith('--fresh-seeds='));
  if (given)
    return given
      .slice('--fresh-seeds='.length)
      .split(',')
      .filter((x) => x !== '')
      .map(Number)
      .filter(Number.isInteger);
  return Array.from({ length: FRESH_COUNT }, () => randomInt(1_000, 1_000_000_000));
}

/** `--seeds=a,b` replaces the fixed seeds: develop rules on other seeds than the eval's own. */
function fixedSeeds(argv: readonly string[], fallback: readonly number[]): readonly number[] {
  const given = argv.find((a) => a.startsWith('--seeds='));
  return given
    ? given
        .slice('--seeds='.length)
        .split(',')
        .filter((x) => x !== '')
        .map(Number)
        .filter(Number.isInteger)
    : fallback;
}

const here = dirname(fileURLToPath(import.meta.url));
const full = process.env.EVAL_FULL === '1';
const fresh = freshSeeds(process.argv.slice(2));
const base = full ? FULL_EVAL : CI_EVAL;
const options = { ...base, seeds: fixedSeeds(process.argv.slice(2), base.seeds), freshSeeds: fresh };
process.stdout.write(`Fresh seeds this run: ${fresh.join(', ')} (repeat with: npm run eval -- --fresh-seeds=${fresh.join(',')})\n\n`);
const started = performance.now();
const report = runEval(options, true);
process.stdout.write(
  `${formatReport(report)}\n\nEval took ${((performance.now() - started) / 1000).toFixed(1)} s (${full ? 'full' : 'CI size; EVAL_FULL=1 for the full one'}).\n`,
);
const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
// The copilot section is `npm run eval:copilot`'s: kept as it is.
const copilot = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { copilot?: unknown }).copilot : undefined;
writeFileSync(
  out,
  `${JSON.stringify({ seeds: { fixed: options.seeds, fresh }, results: report.results, ...(copilot === undefined ? {} : { copilot }) }, null, 2)}\n`,
);
process.stderr.write(`eval: wrote ${out}\n`);
