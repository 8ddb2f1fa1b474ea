/** A quoted or bracketed span of a log line. */
export interface Group {
  readonly kind: 'quote' | 'bracket';
  /** Index of its first character (the prefix of a call such as `Retry(`, else the opener). */
  readonly start: number;
  /** Index just past the closer. */
  readonly end: number;
  readonly prefix: string;
  readonly open: string;
  readonly close: string;
  readonly inner: string;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const QUOTE_MAY_FOLLOW = /[\s=([{,:]/;
const QUOTE_MAY_PRECEDE = /[\s)\]}:;,.>!?]/;

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth === 0;
}

/** The closing quote: unescaped, followed by a separator, with the brackets inside balanced. */
function quoteEnd(line: string, at: number, q: string): number {
  for (let j = at + 1; j < line.length; j++) {
    if (line[j] !== q || line[j - 1] === '\\') continue;
    const next = line[j + 1];
    if ((next === undefined || QUOTE_MAY_PRECEDE.test(next)) && balanced(line.slice(at + 1, j))) return j;
  }
  return -1;
}

function bracketEnd(line: string, at: number, open: string): number {
  const close = CLOSERS[open] ?? '';
  let depth = 0;
  for (let j = at; j < line.length; j++) {
    if (line[j] === open) depth++;
    else if (line[j] === close && --depth === 0) return j;
  }
  return -1;
}

function quoteAt(line: string, i: number): Group | null {
  const q = line[i] ?? '';
  const before = line[i - 1];
  if (before !== undefined && !QUOTE_MAY_FOLLOW.test(before)) return null;
  const j = quoteEnd(line, i, q);
  return j < 0 ? null : { kind: 'quote', start: i, end: j + 1, prefix: '', open: q, close: q, inner: line.slice(i + 1, j) };
}

function bracketAt(line: string, i: number, from: number): Group | null {
  const open = line[i] ?? '';
  if (open === '<' && !/[A-Za-z]/.test(line[i + 1] ?? '')) return null;
  const j = bracketEnd(line, i, open);
  if (j < 0) return null;
  const prefix = open === '(' ? (/[A-Za-z_][\w.]*$/.exec(line.slice(from, i))?.[0] ?? '') : '';
  return { kind: 'bracket', start: i - prefix.length, end: j + 1, prefix, open, close: CLOSERS[open] ?? '', inner: line.slice(i + 1, j) };
}

/** The outermost quoted and bracketed spans of a line, left to right, not overlapping. */
export function findGroups(line: string): Group[] {
  const groups: Group[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    const g = ch === '"' || ch === "'" ? quoteAt(line, i) : ch in CLOSERS ? bracketAt(line, i, from) : null;
    if (g === null) continue;
    groups.push(g);
    from = g.end;
    i = g.end - 1;
  }
  return groups;
}
