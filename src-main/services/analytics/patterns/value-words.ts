import { isEnumerator, tokenCore } from './token-shape';

/** Letter runs of a token (`customers.email` → customers, email; `[system/0a1b]` → system). */
const LETTER_RUN = /\p{L}{2,}/gu;
/** What masks put in (`<NUM>`, `<*>`): not words of the value. */
const PLACEHOLDERS = /<[A-Z]+>|<\*>/g;

/**
 * Words a log stream has shown to be names of things rather than message text: the letter runs of
 * the tokens found at a template's value places (a wildcard). A table, database or connector name
 * that once filled a value place (`UNIQUE constraint failed: customers.email`, `[system/0a1b]`) is
 * a value wherever else it stands alone (`INSERT INTO customers`, `database system`). Message
 * words rarely fill value places, since a place only becomes a value once it has held values;
 * upper-case enumerators (`RUNNING`, `GET`) name an event wherever they stand, so are never names.
 */
export class ValueWords {
  private readonly words = new Set<string>();

  get size(): number {
    return this.words.size;
  }

  /** Learns the words of a token that stood at a value place; true when one was new. */
  learn(token: string): boolean {
    const before = this.words.size;
    for (const m of token.replace(PLACEHOLDERS, ' ').matchAll(LETTER_RUN)) this.words.add(m[0]);
    return this.words.size > before;
  }

  /** Two different plain words that are both known names: a value place, not two messages. */
  bothNames(a: string, b: string): boolean {
    return this.isName(a) && this.isName(b);
  }

  private isName(token: string): boolean {
    if (isEnumerator(token)) return false;
    const runs = tokenCore(token).match(LETTER_RUN) ?? [];
    return runs.length > 0 && runs.every((r) => this.words.has(r));
  }
}
