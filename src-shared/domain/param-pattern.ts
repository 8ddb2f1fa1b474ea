import { RE2JS } from 're2js';

/**
 * Checks a value against a JSON-schema `pattern` that came from Airflow (a DAG
 * param). The pattern is text from Airflow, so it never runs on a backtracking
 * engine: RE2JS (the JavaScript port of RE2/J, pure JS so it runs in the engine
 * and in the renderer alike) matches in time linear in pattern and value, so
 * `^(a+)+$` costs the same as `^a+$`.
 *
 * RE2 has no lookaround or backreferences; a pattern using them, or one that is
 * not a regular expression at all, is not checked here and Airflow checks it
 * when the run is triggered. Values longer than {@link PATTERN_VALUE_LIMIT} are
 * likewise left to Airflow, so one check stays under a few milliseconds.
 */
export const PATTERN_VALUE_LIMIT = 10_000;
const PATTERN_LIMIT = 2_000;

export type PatternVerdict = 'match' | 'no-match' | 'unchecked';

const compiled = new Map<string, RE2JS | null>();

function compile(pattern: string): RE2JS | null {
  if (compiled.has(pattern)) return compiled.get(pattern) ?? null;
  let re: RE2JS | null = null;
  if (pattern.length <= PATTERN_LIMIT) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
  }
  if (compiled.size > 256) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** Whether `value` contains a match of `pattern` (JSON-schema patterns are unanchored). */
export function matchParamPattern(pattern: string, value: string): PatternVerdict {
  if (value.length > PATTERN_VALUE_LIMIT) return 'unchecked';
  const re = compile(pattern);
  if (re === null) return 'unchecked';
  return re.matcher(value).find() ? 'match' : 'no-match';
}
