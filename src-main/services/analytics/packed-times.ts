import { canonicalIsoMsAt, ISO_LENGTH } from './iso-ms';

/**
 * Several time columns of a row handed from SQLite as one string: each column handed over costs about as much as
 * parsing a time, so the times of the cache's 24-character shape come end to end, then one flag character per
 * column ('1': null). A row with a time of any other length comes as a JSON array instead, read the slow way.
 */
export function packedTimesSql(columns: readonly string[]): string {
  const fits = columns.map((c) => `ifnull(length(${c}), 24) = 24`).join(' AND ');
  const body = columns.map((c) => `ifnull(${c}, '')`).join(' || ');
  const flags = columns.map((c) => `(${c} IS NULL)`).join(' || ');
  return `CASE WHEN ${fits} THEN ${body} || ${flags} ELSE json_array(${columns.join(', ')}) END`;
}

/**
 * Reads `k` packed times into `ms` (NaN: null). `texts[i]` is null where time i is null or orders as its
 * milliseconds do (its text is the ISO text of them), else its text, for ordering by it.
 */
export function unpackTimes(packed: string, k: number, ms: number[], texts: (string | null)[]): void {
  const n = packed.length;
  if (packed.charCodeAt(0) !== 91 /* [ */) {
    let nulls = 0;
    for (let i = 0; i < k; i++) if (packed.charCodeAt(n - k + i) === 49) nulls++;
    // SQLite counted characters: a time with one past U+FFFF is longer here, and is read the slow way.
    if (n === ISO_LENGTH * (k - nulls) + k) {
      let at = 0;
      for (let i = 0; i < k; i++) {
        if (packed.charCodeAt(n - k + i) === 49) {
          ms[i] = NaN;
          texts[i] = null;
        } else {
          slot(packed, at, i, ms, texts);
          at += ISO_LENGTH;
        }
      }
      return;
    }
  }
  const values = packed.charCodeAt(0) === 91 ? (JSON.parse(packed) as (string | null)[]) : splitByCodePoints(packed, k);
  for (let i = 0; i < k; i++) {
    const v = values[i] ?? null;
    if (v === null) {
      ms[i] = NaN;
      texts[i] = null;
    } else if (v.length === ISO_LENGTH) {
      slot(v, 0, i, ms, texts);
    } else {
      ms[i] = Date.parse(v);
      texts[i] = v;
    }
  }
}

/** The time in the 24 characters of `s` at `at`: by hand where it has the cache's shape, else by Date.parse. */
function slot(s: string, at: number, i: number, ms: number[], texts: (string | null)[]): void {
  const canonical = canonicalIsoMsAt(s, at, false);
  if (!Number.isNaN(canonical)) {
    ms[i] = canonical;
    texts[i] = null;
    return;
  }
  const text = s.slice(at, at + ISO_LENGTH);
  const rolled = canonicalIsoMsAt(s, at, true);
  ms[i] = Number.isNaN(rolled) ? Date.parse(text) : rolled;
  texts[i] = text;
}

/** The `k` times of a packed row whose times hold characters past U+FFFF (each 24 characters as SQLite counts them). */
function splitByCodePoints(packed: string, k: number): (string | null)[] {
  const flags = packed.slice(-k);
  const points = Array.from(packed.slice(0, -k));
  return [...flags].map((f) => (f === '1' ? null : points.splice(0, ISO_LENGTH).join('')));
}
