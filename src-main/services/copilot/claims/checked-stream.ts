import { checkClaims, markClaims } from './claim-check';
import type { Evidence } from './claim-evidence';

/** Words held back at the end of the stream: a claim may still grow ("3" before "runs", a date before its time). */
const HELD_WORDS = 2;

/** Where the held words start: the start of the HELD_WORDS-th last word, or 0 with fewer words. */
function safeCut(text: string): number {
  const starts = [...text.matchAll(/\S+/g)].map((m) => m.index);
  return starts.length <= HELD_WORDS ? 0 : (starts[starts.length - HELD_WORDS] ?? 0);
}

/**
 * Streams an answer checked before it is shown: text is emitted a few words behind the model, with every claim
 * in it already checked (unsupported ones marked), and no claim is ever cut in two. The emitted text adds up
 * to the checked text of the whole answer.
 */
export class CheckedStream {
  private raw = '';
  private emitted = 0;

  constructor(
    private readonly evidence: Evidence,
    private readonly emit: (text: string) => void,
  ) {}

  push(chunk: string): void {
    this.raw += chunk;
    this.release(safeCut(this.raw));
  }

  /** Emits what is left; returns the checked text of the whole answer. */
  finish(): string {
    return this.release(this.raw.length);
  }

  private release(upTo: number): string {
    const { claims, unsupported } = checkClaims(this.raw, this.evidence);
    let cut = upTo;
    for (const c of claims) if (c.start < cut && c.end > cut) cut = c.start;
    const checked = markClaims(
      this.raw.slice(0, cut),
      unsupported.filter((c) => c.end <= cut),
    );
    if (checked.length > this.emitted) {
      this.emit(checked.slice(this.emitted));
      this.emitted = checked.length;
    }
    return checked;
  }
}
