import fs from 'node:fs';
import path from 'node:path';
import { Drain } from '../../../src-main/services/analytics/patterns/drain';
import { maskedTokens } from '../../../src-main/services/analytics/patterns/log-mask';

/** One hand-labelled line of test/fixtures/log-corpus (see its README). */
export interface CorpusLine {
  readonly source: string;
  readonly line: string;
  readonly template: string;
  readonly half: 'dev' | 'held-out';
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../fixtures/log-corpus');

export function loadCorpus(dir = CORPUS_DIR): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const source = file.replace(/\.jsonl$/, '');
    for (const row of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (row.trim() === '') continue;
      const r = JSON.parse(row) as Omit<CorpusLine, 'source'>;
      out.push({ source, line: r.line, template: r.template, half: r.half });
    }
  }
  return out;
}

/** The miner's group of each line (lines fed in order, as a sync would). */
export function mineGroups(lines: readonly string[]): number[] {
  const drain = new Drain();
  const clusters = lines.map((l) => drain.add(maskedTokens(l)));
  return clusters.map((c) => drain.resolve(c).id);
}

/**
 * Grouping accuracy (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019):
 * a line is right only if the set of lines in its predicted group equals the set in its true group.
 */
export function groupingAccuracy(truth: readonly string[], predicted: readonly (string | number)[]): number {
  const byTruth = new Map<string, number[]>();
  const byPredicted = new Map<string | number, number[]>();
  truth.forEach((t, i) => byTruth.set(t, [...(byTruth.get(t) ?? []), i]));
  predicted.forEach((p, i) => byPredicted.set(p, [...(byPredicted.get(p) ?? []), i]));
  let right = 0;
  for (const members of byPredicted.values()) {
    const t = truth[members[0] ?? -1];
    const same = t !== undefined && members.every((m) => truth[m] === t) && byTruth.get(t)?.length === members.length;
    if (same) right += members.length;
  }
  return truth.length === 0 ? NaN : right / truth.length;
}

/**
 * The miner's group of each corpus line: each source is its own log stream, mined on its own (as
 * the app mines one environment's logs), so a group never spans sources.
 */
export function corpusGroups(lines: readonly CorpusLine[]): string[] {
  const out = new Array<string>(lines.length).fill('');
  for (const source of new Set(lines.map((l) => l.source))) {
    const at = lines.flatMap((l, i) => (l.source === source ? [i] : []));
    const groups = mineGroups(at.map((i) => lines[i]?.line ?? ''));
    at.forEach((i, k) => (out[i] = `${source}\u0000${groups[k]}`));
  }
  return out;
}

/** Grouping accuracy of the miner on a set of corpus lines (true groups are a source's templates). */
export function corpusAccuracy(lines: readonly CorpusLine[]): number {
  return groupingAccuracy(
    lines.map((l) => `${l.source}\u0000${l.template}`),
    corpusGroups(lines),
  );
}
