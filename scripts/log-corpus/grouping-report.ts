/**
 * Grouping accuracy of the error-pattern miner on the hand-labelled corpus, whole and per half;
 * `--errors dev` also lists the templates of the dev half that were grouped wrong (never look at
 * the held-out half's errors while changing the miner).
 *
 *   npx tsx scripts/log-corpus/grouping-report.ts [--errors dev]
 */
import { corpusAccuracy, corpusGroups, loadCorpus } from '../../test/unit/analytics/log-corpus';

const corpus = loadCorpus();
const dev = corpus.filter((l) => l.half === 'dev');
const heldOut = corpus.filter((l) => l.half === 'held-out');
const count = (ls: typeof corpus): string => `${ls.length} lines, ${new Set(ls.map((l) => l.template)).size} templates`;
console.log(`whole:    ${corpusAccuracy(corpus).toFixed(4)} (${count(corpus)})`);
console.log(`dev:      ${corpusAccuracy(dev).toFixed(4)} (${count(dev)})`);
console.log(`held-out: ${corpusAccuracy(heldOut).toFixed(4)} (${count(heldOut)})`);
for (const source of [...new Set(corpus.map((l) => l.source))]) {
  const ls = corpus.filter((l) => l.source === source);
  console.log(`  ${source.padEnd(24)} ${corpusAccuracy(ls).toFixed(4)} (${count(ls)})`);
}

if (process.argv.includes('--errors')) {
  const groups = corpusGroups(dev);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const trueSize = new Map<string, number>();
  const truth = dev.map((l) => `${l.source}: ${l.template}`);
  for (const t of truth) trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
  const wrong = new Map<string, Set<string>>();
  for (const ids of members.values()) {
    const templates = new Set(ids.map((i) => truth[i] ?? ''));
    const only = [...templates][0] ?? '';
    if (templates.size === 1 && trueSize.get(only) === ids.length) continue;
    const sample = ids.slice(0, 3).map((i) => dev[i]?.line.slice(0, 160) ?? '');
    for (const t of templates)
      wrong.set(t, new Set([...(wrong.get(t) ?? []), `group of ${ids.length} (${templates.size} templates): ${sample.join(' | ')}`]));
  }
  for (const [t, why] of wrong) console.log(`\nTEMPLATE ${t}\n  ${[...why].join('\n  ')}`);
}
