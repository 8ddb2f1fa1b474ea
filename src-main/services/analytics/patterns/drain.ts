export const WILDCARD = '<*>';

export interface DrainCluster {
  readonly id: number;
  tokens: string[];
  size: number;
}

/** Share of positions where the template and the line agree (a wildcard agrees with anything). */
function similarity(template: readonly string[], tokens: readonly string[]): number {
  let same = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = template[i];
    if (t === WILDCARD || t === tokens[i]) same++;
  }
  return same / Math.max(1, tokens.length);
}

/**
 * A Drain-style online template miner (He et al., ICWS 2017): lines are
 * routed by token count and first token, then joined to the most similar
 * template above a threshold, whose differing positions become wildcards.
 */
export class Drain {
  private readonly groups = new Map<string, DrainCluster[]>();
  private readonly all: DrainCluster[] = [];

  constructor(private readonly threshold = 0.5) {}

  get clusters(): readonly DrainCluster[] {
    return this.all;
  }

  add(tokens: readonly string[]): DrainCluster {
    const key = `${tokens.length}\u0000${tokens[0] ?? ''}`;
    const group = this.groups.get(key) ?? [];
    let best: DrainCluster | null = null;
    let bestSim = -1;
    for (const c of group) {
      const sim = similarity(c.tokens, tokens);
      if (sim > bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    if (best && bestSim >= this.threshold) {
      best.tokens = best.tokens.map((t, i) => (t === tokens[i] ? t : WILDCARD));
      best.size++;
      return best;
    }
    const created: DrainCluster = { id: this.all.length, tokens: [...tokens], size: 1 };
    group.push(created);
    this.groups.set(key, group);
    this.all.push(created);
    return created;
  }
}
