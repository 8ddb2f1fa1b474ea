import { fits, lineUp, WILDCARD } from './line-fit';
import { isEnumerator, isPlaceholder, isSourceName } from './token-shape';
import { ValueWords } from './value-words';

export { WILDCARD } from './line-fit';

export interface DrainCluster {
  readonly id: number;
  tokens: string[];
  size: number;
  /** The cluster this one was folded into (see `Drain.resolve`), else null. */
  mergedInto: DrainCluster | null;
}

/**
 * Different words at one place of otherwise equal messages: from this many on, the place holds a
 * value, provided they are spread (on average at most WORDS_SPREAD lines a word over the whole
 * stream) rather than a few words that recur, which is how actions and states look
 * (`startup packages configure|remove|...`).
 */
export const WORD_VALUES_MIN = 4;
const WORDS_SPREAD = 3;

/** Lines are routed by token count and first token, unless that token holds a value (`[db/1f2e]`, `<NUM>`, `<HOST>`). */
function routeKey(tokens: readonly string[]): string {
  const first = tokens[0] ?? '';
  return `${tokens.length}\u0000${isSourceName(first) || !(/\d/.test(first) || isPlaceholder(first)) ? first : WILDCARD}`;
}

/**
 * A Drain-style template miner (He et al., ICWS 2017): lines are routed by token count and first
 * token, then joined to the template they fit best, whose differing positions become wildcards.
 * Unlike Drain's fixed similarity threshold, a join needs every differing position to hold
 * values, never message words (see `lineUp`). Two things are decided on the whole stream, when a
 * cluster is first resolved, since the first lines of a stream cannot tell them: templates that a
 * name learned later shows to be one are joined, and a place where WORD_VALUES_MIN different,
 * spread words turn up (`Object of type set|bytes|Decimal|...`) is folded into a value.
 */
export class Drain {
  private readonly groups = new Map<string, DrainCluster[]>();
  private readonly all: DrainCluster[] = [];
  private readonly names = new ValueWords();
  /** Lines were added since the templates were last compared with each other (see `consolidate`). */
  private pending = false;

  get clusters(): readonly DrainCluster[] {
    return this.all;
  }

  /** The cluster a cluster ended up in, once the whole stream so far has been seen. */
  resolve(cluster: DrainCluster): DrainCluster {
    if (this.pending) this.consolidate();
    let c = cluster;
    while (c.mergedInto) c = c.mergedInto;
    return c;
  }

  add(tokens: readonly string[]): DrainCluster {
    this.pending = true;
    const key = routeKey(tokens);
    const group = this.groups.get(key) ?? [];
    this.groups.set(key, group);
    const fitting = this.fitting(group, tokens);
    const target = fitting[0];
    if (target) {
      for (const other of fitting.slice(1)) this.merge(group, target, other);
      this.generalise(target, tokens);
      target.size++;
      return target;
    }
    const created: DrainCluster = { id: this.all.length, tokens: [...tokens], size: 1, mergedInto: null };
    group.push(created);
    this.all.push(created);
    return created;
  }

  /** The templates the line fits, best first. */
  private fitting(group: readonly DrainCluster[], tokens: readonly string[]): DrainCluster[] {
    const scored: { c: DrainCluster; same: number; varying: number }[] = [];
    for (const c of group) {
      const f = lineUp(c.tokens, tokens, this.names);
      if (fits(f)) scored.push({ c, same: f.same, varying: f.varying });
    }
    scored.sort((a, b) => b.same - a.same || a.varying - b.varying);
    return scored.map((s) => s.c);
  }

  /** Joins a line or template into a template: differing places become wildcards, and their values are learned as names. */
  private generalise(into: DrainCluster, tokens: readonly string[]): void {
    into.tokens = into.tokens.map((t, i) => {
      const l = tokens[i] ?? '';
      if (t === l) return t;
      this.names.learn(l);
      this.names.learn(t);
      return WILDCARD;
    });
  }

  private merge(group: DrainCluster[], into: DrainCluster, other: DrainCluster): void {
    this.generalise(into, other.tokens);
    into.size += other.size;
    other.mergedInto = into;
    group.splice(group.indexOf(other), 1);
  }

  /**
   * Compares the templates of each route with each other until nothing changes: a name learned
   * after two templates were made (`INSERT INTO customers` before `constraint failed:
   * customers.email`) shows them to be one event, and a join can open a wildcard that another
   * template then fits; then a place is folded into a value where enough spread words turn up.
   * Names learned in one route can join templates of another, so all routes are gone over again
   * while names are learned.
   */
  private consolidate(): void {
    this.pending = false;
    let names = -1;
    while (names !== this.names.size) {
      names = this.names.size;
      for (const group of this.groups.values()) while (this.joinFitting(group) || this.foldWords(group));
    }
  }

  private joinFitting(group: DrainCluster[]): boolean {
    let joined = false;
    for (let i = 0; i < group.length; i++) {
      const into = group[i];
      for (let j = group.length - 1; into && j > i; j--) {
        const other = group[j];
        if (other && fits(lineUp(into.tokens, other.tokens, this.names))) {
          this.merge(group, into, other);
          joined = true;
        }
      }
    }
    return joined;
  }

  /** Folds templates that differ from one template by one word at one place, once that place has shown enough spread words. */
  private foldWords(group: DrainCluster[]): boolean {
    for (const into of group) {
      const byPlace = new Map<number, DrainCluster[]>();
      for (const other of group) {
        if (other === into) continue;
        const f = lineUp(into.tokens, other.tokens, this.names);
        const at = f.words[0];
        if (f.words.length === 1 && f.same > 0 && at !== undefined) byPlace.set(at, [...(byPlace.get(at) ?? []), other]);
      }
      for (const [at, siblings] of byPlace) {
        const values = new Set([into, ...siblings].map((c) => c.tokens[at] ?? ''));
        const seen = siblings.reduce((n, c) => n + c.size, into.size);
        if (values.size < WORD_VALUES_MIN || seen > WORDS_SPREAD * values.size || [...values].some(isEnumerator)) continue;
        for (const c of siblings) this.merge(group, into, c);
        into.tokens[at] = WILDCARD;
        return true;
      }
    }
    return false;
  }
}
