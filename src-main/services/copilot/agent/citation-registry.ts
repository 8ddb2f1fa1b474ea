import type { Citation } from '../../../../src-shared/domain/copilot';

export type CitationTarget = Omit<Citation, 'ref'>;

/** Numbers what tools showed the model ([R1], [R2], …) so an answer can cite it and the UI can link it. */
export class CitationRegistry {
  private readonly byKey = new Map<string, Citation>();

  cite(target: CitationTarget): string {
    const key = JSON.stringify([
      target.kind,
      target.dagId,
      target.runId,
      target.taskId,
      target.mapIndex,
      target.tryNumber,
      target.line,
      target.uri ?? null,
    ]);
    const existing = this.byKey.get(key);
    if (existing) return existing.ref;
    const ref = `R${this.byKey.size + 1}`;
    this.byKey.set(key, { ref, ...target });
    return ref;
  }

  list(): Citation[] {
    return [...this.byKey.values()];
  }

  /** The citations an answer text actually mentions, in order of first mention. */
  mentionedIn(text: string): Citation[] {
    const refs = new Set([...text.matchAll(/\[(R\d{1,4})\]/g)].map((m) => m[1]));
    return this.list().filter((c) => refs.has(c.ref));
  }
}
