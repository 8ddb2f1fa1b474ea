import { isWord } from './token-shape';
import type { ValueWords } from './value-words';

export const WILDCARD = '<*>';

/** A lone dash: the usual mark of an empty value (`127.0.0.1 - - "GET ..."`), so its place holds values. */
const EMPTY = '-';

/** A whole quoted token (`'TRUE'`, `"x",`). */
const QUOTED = /^(['"]).*\1[.,:;!?]?$/;

export interface Fit {
  /** Positions where template and line hold the same fixed token. */
  readonly same: number;
  /** Positions where both hold values that differ (they become wildcards on a join). */
  readonly varying: number;
  /** Positions where either holds a plain word the other lacks. */
  readonly words: number[];
}

/**
 * A quoted upper-case word (`'TRUE'`) where the other side holds quoted data (`<STR>`): the place
 * has held arbitrary strings, so this one is data too, though it looks like an enumerator.
 */
function quotedData(t: string, l: string): boolean {
  return (t.startsWith('<STR>') && QUOTED.test(l)) || (l.startsWith('<STR>') && QUOTED.test(t));
}

/**
 * How a line (or another template) lines up with a template of its length. A position where
 * either side holds a message word the other lacks means a different message (`list index` vs
 * `tuple index`, `'RUNNING'` vs `'FAILED'`, `GET` vs `POST`); values (placeholders, ids, dotted
 * or underscored names, words the stream has shown to be names) may differ. A wildcard stands for
 * a position already seen to vary.
 */
export function lineUp(template: readonly string[], tokens: readonly string[], names: ValueWords): Fit {
  let same = 0;
  let varying = 0;
  const words: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = template[i] ?? '';
    const l = tokens[i] ?? '';
    if (t === WILDCARD || l === WILDCARD) continue;
    if (t === l) same++;
    else if (t !== EMPTY && l !== EMPTY && (isWord(t) || isWord(l)) && !quotedData(t, l) && !names.bothNames(t, l)) words.push(i);
    else varying++;
  }
  return { same, varying, words };
}

/**
 * The line is the template's event: no word differs and some fixed token is shared. How many
 * values differ does not matter (unlike Drain's 0.5 threshold): after masking, a value place holds
 * a value in every line of the event, so a short message with three values (`moved <file> to
 * <host> <size>`) is as much one event as a long one with none.
 */
export function fits(f: Fit): boolean {
  return f.words.length === 0 && f.same > 0;
}
