import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openCache } from '../services/cache/open-cache';
import { CliArgsError, parseCliArgs, USAGE, type CliArgs } from './synth-args';
import { generateSyntheticHistory, type SynthSummary } from '../services/synth/generate-history';
import { prepareOutputFile } from '../services/synth/output-file';
import { totalRows } from '../services/synth/row-counts';
import { resolveWindow, type SynthOptions } from '../services/synth/synth-options';

function startOfCurrentHour(): string {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now.toISOString();
}

function fail(message: string, usage: boolean): never {
  process.stderr.write(`synth: ${message}\n${usage ? `\n${USAGE}\n` : ''}`);
  process.exit(2);
}

function printSummary(summary: SynthSummary, seconds: number, file: string, labelsFile: string): void {
  const rows = totalRows(summary.counts);
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
  const lines = Object.entries(summary.counts).map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(12)}`);
  const kinds = new Map<string, number>();
  for (const l of summary.labels) kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
  process.stdout.write(
    [
      `History ${summary.startsAt} .. ${summary.asOf} (seed ${summary.seed}, ${summary.dags} DAGs, ${summary.days} days)`,
      'Rows written:',
      ...lines,
      `  ${'total'.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(12)}`,
      `Time: ${seconds.toFixed(1)} s  (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ` +
        `${Math.round(summary.counts.task_instances / seconds).toLocaleString('en-US')} task instances/s)`,
      `File: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB)`,
      `Labels: ${labelsFile} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
      '',
    ].join('\n'),
  );
}

function main(argv: readonly string[]): void {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliArgsError) fail(error.message, true);
    throw error;
  }
  const file = resolve(args.out);
  const progressEvery = Math.max(1, Math.floor(args.dags / 50));
  const started = performance.now();
  const options: SynthOptions = {
    envId: args.envId,
    dags: args.dags,
    days: args.days,
    seed: args.seed,
    asOf: args.asOf ?? startOfCurrentHour(),
    onProgress: (done, total) => {
      if (done % progressEvery !== 0 && done !== total) return;
      const elapsed = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `${process.stderr.isTTY ? '\r' : ''}synth: ${done}/${total} DAGs, ${elapsed} s${process.stderr.isTTY ? '' : '\n'}`,
      );
    },
  };
  try {
    resolveWindow(options);
    prepareOutputFile(file);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), error instanceof RangeError);
  }
  const { db } = openCache(file);
  // A fresh file that a crash would leave half-written anyway: no need to fsync each DAG's commit.
  db.pragma('synchronous = OFF');
  let summary: SynthSummary;
  try {
    summary = generateSyntheticHistory(db, options);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  const labelsFile = `${file}.labels.json`;
  const { labels, ...head } = summary;
  writeFileSync(labelsFile, `${JSON.stringify({ ...head, labels }, null, 2)}\n`);
  printSummary(summary, seconds, file, labelsFile);
}

main(process.argv.slice(2));
