import type { Mode } from './eval-options';
import type { EvalRow } from './eval-row';

/** The figures of one mode over a set of rows. */
export interface ModeSummary {
  readonly mode: Mode;
  readonly questions: number;
  /** Right run/task/cause named and nothing wrong named (answerable questions). */
  readonly right: number | null;
  readonly wrongNamed: number;
  readonly hallucinatedRaw: number;
  readonly hallucinatedShown: number;
  /** Claims the checker marked not found in the data, before display. */
  readonly checkerMarked: number;
  /** Unanswerable questions answered with "not found", of those asked. */
  readonly abstainedOk: string;
  /** Answerable questions answered with "not found". */
  readonly falseAbstentions: number;
  readonly citationsResolve: number | null;
  readonly meanSeconds: number;
  readonly meanTokensRead: number;
  /** Scored choice steps: right share, and a random choice's expected share on the same steps. */
  readonly toolChoice: { readonly scored: number; readonly right: number | null; readonly randomExpected: number | null };
  /** Right on the open questions. */
  readonly openRight: number | null;
}

const share = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 1000);

export function summarize(mode: Mode, rows: readonly EvalRow[]): ModeSummary {
  const answerable = rows.filter((r) => !r.shouldAbstain);
  const unanswerable = rows.filter((r) => r.shouldAbstain);
  const open = answerable.filter((r) => r.family === 'open');
  const cited = rows.reduce((a, r) => a + r.cited, 0);
  const scored = rows.reduce((a, r) => a + r.choices.scored, 0);
  return {
    mode,
    questions: rows.length,
    right: share(answerable.filter((r) => r.right).length, answerable.length),
    wrongNamed: rows.filter((r) => r.wrong.length > 0).length,
    hallucinatedRaw: rows.reduce((a, r) => a + r.hallucinatedRaw.length, 0),
    hallucinatedShown: rows.reduce((a, r) => a + r.hallucinatedShown.length, 0),
    // Rows written before the count was kept: the marks in the (clipped) answer text.
    checkerMarked: rows.reduce((a, r) => a + (r.unsupported ?? (r.answer.match(/\(not found in the data\)/g) ?? []).length), 0),
    abstainedOk: `${unanswerable.filter((r) => r.abstentionOk).length}/${unanswerable.length}`,
    falseAbstentions: answerable.filter((r) => r.abstained && !r.right).length,
    citationsResolve: share(
      rows.reduce((a, r) => a + r.resolved, 0),
      cited,
    ),
    meanSeconds: rows.length === 0 ? 0 : Math.round((10 * rows.reduce((a, r) => a + r.seconds, 0)) / rows.length) / 10,
    meanTokensRead: rows.length === 0 ? 0 : Math.round(rows.reduce((a, r) => a + r.tokensRead, 0) / rows.length),
    toolChoice: {
      scored,
      right: share(
        rows.reduce((a, r) => a + r.choices.right, 0),
        scored,
      ),
      randomExpected: share(
        rows.reduce((a, r) => a + r.choices.randomExpected, 0),
        scored,
      ),
    },
    openRight: share(open.filter((r) => r.right).length, open.length),
  };
}

const pct = (v: number | null): string => (v === null ? 'n/a' : `${Math.round(100 * v)}%`);

/** The comparison table: one line per mode. */
export function modeTable(title: string, summaries: readonly ModeSummary[]): string[] {
  const head = `${'mode'.padEnd(7)} ${'qs'.padStart(4)} ${'right'.padStart(6)} ${'open'.padStart(5)} ${'wrong'.padStart(6)} ${'halluc raw/shown'.padStart(17)} ${'marked'.padStart(7)} ${'abstain ok'.padStart(11)} ${'false abst'.padStart(11)} ${'cites ok'.padStart(9)} ${'tool choice (n, random exp.)'.padStart(29)} ${'s/q'.padStart(6)} ${'tok read'.padStart(9)}`;
  return [
    title,
    head,
    ...summaries.map(
      (s) =>
        `${s.mode.padEnd(7)} ${String(s.questions).padStart(4)} ${pct(s.right).padStart(6)} ${pct(s.openRight).padStart(5)} ${String(s.wrongNamed).padStart(6)} ${`${s.hallucinatedRaw}/${s.hallucinatedShown}`.padStart(17)} ${String(s.checkerMarked).padStart(7)} ${s.abstainedOk.padStart(11)} ${String(s.falseAbstentions).padStart(11)} ${pct(s.citationsResolve).padStart(9)} ${`${pct(s.toolChoice.right)} (${s.toolChoice.scored}, ${pct(s.toolChoice.randomExpected)})`.padStart(29)} ${s.meanSeconds.toFixed(1).padStart(6)} ${String(s.meanTokensRead).padStart(9)}`,
    ),
  ];
}

/** One line per question of one mode. */
export function questionTable(rows: readonly EvalRow[]): string[] {
  return rows.map((r) => {
    const marks = [
      r.right ? 'right' : 'miss',
      r.wrong.length > 0 ? `wrong:${r.wrong.slice(0, 2).join(',')}` : '',
      r.hallucinatedShown.length > 0 ? `halluc:${r.hallucinatedShown.slice(0, 2).join(',')}` : '',
      r.shouldAbstain ? (r.abstained ? 'abstained' : 'did-not-abstain') : '',
    ].filter((m) => m !== '');
    return `${String(r.seed).padEnd(10)} ${r.mode.padEnd(6)} ${r.question.slice(0, 62).padEnd(63)} ${(r.firstTool ?? '—').padEnd(20)} ${marks.join(' ').padEnd(34)} ${`${r.cited}/${r.resolved}`.padStart(5)} ${r.seconds.toFixed(1).padStart(6)} ${String(r.tokensRead).padStart(6)}`;
  });
}
