import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchEntry, BenchFigure } from './figure';
import { formatTable } from './print-table';

const here = dirname(fileURLToPath(import.meta.url));

function onlyFilter(argv: readonly string[]): Set<string> | null {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return null;
  const arg = argv[i] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  if (!value) {
    process.stderr.write('bench: --only needs a name, e.g. npm run bench -- --only synth\n');
    process.exit(2);
  }
  return new Set(value.split(','));
}

function isEntry(value: unknown): value is BenchEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; run?: unknown };
  return typeof v.name === 'string' && typeof v.run === 'function';
}

async function main(): Promise<void> {
  const only = onlyFilter(process.argv.slice(2));
  const files = readdirSync(join(here, 'entries'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const entries: BenchEntry[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, 'entries', file)).href)) as { default?: unknown };
    if (!isEntry(mod.default)) throw new Error(`bench/entries/${file} must default-export { name, run() }`);
    if (!only || only.has(mod.default.name)) entries.push(mod.default);
  }
  if (entries.length === 0) {
    process.stderr.write(`bench: no entry matches --only ${[...(only ?? [])].join(',')}; entries are in bench/entries/\n`);
    process.exit(2);
  }
  const results: { entry: string; figures: BenchFigure[] }[] = [];
  for (const entry of entries) {
    process.stderr.write(`bench: running ${entry.name} ...\n`);
    results.push({ entry: entry.name, figures: await entry.run() });
  }
  process.stdout.write(`${formatTable(results)}\n`);
  const out = join(here, 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const list = results.flatMap(({ entry, figures }) => figures.map((f) => ({ bench: entry, ...f })));
  writeFileSync(out, `${JSON.stringify({ ranAt: new Date().toISOString(), node: process.version, figures: list }, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${out}\n`);
}

void main();
