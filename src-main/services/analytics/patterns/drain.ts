import { isEnumerator, isPlaceholder, isSourceName, isWord } from './token-shape';

export const WILDCARD = '<*>';

export interface DrainCluster {
  readonly id: number;
  tokens: string[];
  size: number;
  /** The cluster this one was folded into (see `Drain.resolve`), else null. */
  mergedInto: DrainCluster | null;
}

/** A lone dash: the usual mark of an empty value (`127.0.0.1 - - "GET ..."`), so its place holds values. */
const EMPTY = '-';

/**
 * Different words at one place of otherwise equal messages: from this many on, the place holds a
 * value, provided they are spread (a new word at least every WORDS_SPREAD lines) rather than a few
 * words that recur, which is how actions and states look (`startup packages configure|remove|...`).
 */
export const WORD_VALUES_MIN = 4;
const WORDS_SPREAD = 3;

interface Fit {
  /** Positions where template and line hold the same fixed token. */
  readonly same: number;
  /** Positions where both hold values that differ (they become wildcards on a join). */
  readonly varying: number;
  /** Positions where either holds a plain word the other lacks. */
  readonly words: number[];
}

/**
 * How a line lines up with a template of its length. A position where either side holds a
 * message word the other lacks means a different message (`list index` vs `tuple index`,
 * `'RUNNING'` vs `'FAILED'`, `GET` vs `POST`); values (placeholders, ids, dotted or underscored
 * names) may differ. A wildcard stands for a position already seen to vary.
 */
function lineUp(template: readonly string[], tokens: readonly string[]): Fit {
  let same = 0;
  let varying = 0;
  const words: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = template[i] ?? '';
    const l = tokens[i] ?? '';
    if (t === WILDCARD) continue;
    if (t === l) same++;
    else if (t !== EMPTY && l !== EMPTY && (isWord(t) || isWord(l))) words.push(i);
    else varying++;
  }
  return { same, varying, words };
}

/** The line is the template's event: no word differs and the fixed tokens are at least as many as the differing values. */
function fits(f: Fit): boolean {
  return f.words.length === 0 && f.same > 0 && f.same >= f.varying;
}

/** Lines are routed by token count and first token, unless that token holds a value (`[db/1f2e]`, `<NUM>`, `<HOST>`). */
function routeKey(tokens: readonly string[]): string {
  const first = tokens[0] ?? '';
  return `${tokens.length}\u0000${isSourceName(first) || !(/\d/.test(first) || isPlaceholder(first)) ? first : WILDCARD}`;
}

function generalise(into: DrainCluster, tokens: readonly string[]): void {
  into.tokens = into.tokens.map((t, i) => (t === tokens[i] ? t : WILDCARD));
}

/**
 * A Drain-style online template miner (He et al., ICWS 2017): lines are routed by token count and
 * first token, then joined to the template they fit best, whose differing positions become
 * wildcards. Unlike Drain's fixed similarity threshold, a join needs every differing position to
 * hold values, never message words. A word is taken for a value only when WORD_VALUES_MIN
 * different, spread words turn up at one place of otherwise equal templates (`Object of type
 * set|bytes|Decimal|...`); those templates are then folded into one.
 */
export class Drain {
  private readonly groups = new Map<string, DrainCluster[]>();
  private readonly all: DrainCluster[] = [];

  get clusters(): readonly DrainCluster[] {
    return this.all;
  }

  /** The cluster a cluster ended up in after folds. */
  resolve(cluster: DrainCluster): DrainCluster {
    let c = cluster;
    while (c.mergedInto) c = c.mergedInto;
    return c;
  }

  add(tokens: readonly string[]): DrainCluster {
    const key = routeKey(tokens);
    const group = this.groups.get(key) ?? [];
    this.groups.set(key, group);
    const { fitting, oneWordOff } = this.candidates(group, tokens);
    const target = fitting[0] ?? this.fold(group, tokens, oneWordOff);
    if (target) {
      for (const other of fitting.slice(1)) this.merge(group, target, other);
      generalise(target, tokens);
      target.size++;
      return target;
    }
    const created: DrainCluster = { id: this.all.length, tokens: [...tokens], size: 1, mergedInto: null };
    group.push(created);
    this.all.push(created);
    return created;
  }

  /** The templates the line fits (best first), and those it misses by one word, by the place of that word. */
  private candidates(group: readonly DrainCluster[], tokens: readonly string[]): { fitting: DrainCluster[]; oneWordOff: Map<number, DrainCluster[]> } {
    const scored: { c: DrainCluster; f: Fit }[] = [];
    const oneWordOff = new Map<number, DrainCluster[]>();
    for (const c of group) {
      const f = lineUp(c.tokens, tokens);
      if (fits(f)) scored.push({ c, f });
      else if (f.words.length === 1 && f.same > 0 && f.same >= f.varying) {
        const at = f.words[0] ?? -1;
        oneWordOff.set(at, [...(oneWordOff.get(at) ?? []), c]);
      }
    }
    scored.sort((a, b) => b.f.same - a.f.same || a.f.varying - b.f.varying);
    return { fitting: scored.map((s) => s.c), oneWordOff };
  }

  private merge(group: DrainCluster[], into: DrainCluster, other: DrainCluster): void {
    generalise(into, other.tokens);
    into.size += other.size;
    other.mergedInto = into;
    group.splice(group.indexOf(other), 1);
  }

  /** Folds the templates that differ from the line by one word at the same place, once that place has shown enough different words. */
  private fold(group: DrainCluster[], tokens: readonly string[], oneWordOff: Map<number, DrainCluster[]>): DrainCluster | null {
    for (const [at, siblings] of oneWordOff) {
      const values = new Set([...siblings.map((c) => c.tokens[at] ?? ''), tokens[at] ?? '']);
      const seen = siblings.reduce((n, c) => n + c.size, 1);
      if (values.size < WORD_VALUES_MIN || seen > WORDS_SPREAD * values.size || [...values].some(isEnumerator)) continue;
      const [into, ...rest] = siblings;
      if (!into) continue;
      for (const c of rest) this.merge(group, into, c);
      into.tokens[at] = WILDCARD;
      return into;
    }
    return null;
  }
}
