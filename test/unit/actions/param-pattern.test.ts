import { describe, expect, it } from 'vitest';
import { confIssues, parseDagParams } from '../../../src-shared/domain/dag-params';
import { PATTERN_VALUE_LIMIT, matchParamPattern } from '../../../src-shared/domain/param-pattern';

const paramWithPattern = (pattern: string) =>
  parseDagParams(JSON.stringify({ slug: { value: 'ok', description: null, schema: { type: 'string', pattern } } }));

describe('DAG param patterns from Airflow run in linear time', () => {
  // On a backtracking engine each of these takes 2^64 steps: the test would never finish.
  it('answers catastrophic-backtracking patterns at once, in the engine and the trigger dialog alike', () => {
    const evil = 'a'.repeat(64) + '!';
    expect(confIssues(paramWithPattern('^(a+)+$'), { slug: evil })).toEqual([{ param: 'slug', message: 'must match the pattern ^(a+)+$' }]);
    const typo = 'release-2026-12-' + 'x'.repeat(60) + '_';
    expect(confIssues(paramWithPattern('^([a-z0-9]+-?)+$'), { slug: typo })).toEqual([
      { param: 'slug', message: 'must match the pattern ^([a-z0-9]+-?)+$' },
    ]);
    expect(confIssues(paramWithPattern('^([a-z0-9]+-?)+$'), { slug: 'release-2026-12-07' })).toEqual([]);
  });

  it('keeps JSON-schema semantics: unanchored search, unicode classes', () => {
    expect(matchParamPattern('b', 'abc')).toBe('match');
    expect(matchParamPattern('^b', 'abc')).toBe('no-match');
    expect(matchParamPattern('^\\p{L}+$', 'héllo')).toBe('match');
    expect(matchParamPattern('^.$', '😀')).toBe('match');
  });

  it('leaves to Airflow what it cannot check in bounded time, without calling the value wrong', () => {
    expect(matchParamPattern('^(?=a)a$', 'a')).toBe('unchecked'); // lookahead: not in RE2
    expect(matchParamPattern('^(a)\\1$', 'aa')).toBe('unchecked'); // backreference
    expect(matchParamPattern('^a+$', 'a'.repeat(PATTERN_VALUE_LIMIT + 1))).toBe('unchecked');
    expect(confIssues(paramWithPattern('^(?=x)'), { slug: 'anything' })).toEqual([]);
  });
});
