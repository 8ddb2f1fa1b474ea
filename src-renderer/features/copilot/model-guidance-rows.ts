import type { MeasuredModel, ModelGuidance } from '../../../src-shared/domain/model-guidance';

/** One line of the guidance table, as shown. */
export interface GuidanceRow {
  readonly file: string;
  readonly size: string;
  readonly right: string;
  readonly open: string;
  readonly briefAlone: string;
  readonly hallucinated: string;
  readonly abstained: string;
  readonly speed: string;
  readonly current: boolean;
}

const pct = (v: number | null): string => (v === null ? '—' : `${Math.round(100 * v)} %`);

/** The measured models, smallest first, the one loaded (or picked) marked. */
export function guidanceRows(guidance: ModelGuidance, currentFile: string | null): GuidanceRow[] {
  return guidance.models.map((m: MeasuredModel) => ({
    file: m.file,
    size: m.size,
    right: pct(m.right),
    open: pct(m.openRight),
    briefAlone: pct(m.briefAloneRight),
    hallucinated: String(m.hallucinatedShown),
    abstained: m.abstained,
    speed: `${Math.round(m.secondsPerAnswer)} s · ${m.tokensReadPerAnswer.toLocaleString('en-US')} tokens read`,
    current: currentFile !== null && currentFile.toLowerCase() === m.file.toLowerCase(),
  }));
}
