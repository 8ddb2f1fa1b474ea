import type { Random } from './random';

/** JSON text of a value nested `depth` objects deep (built as text: JSON.stringify itself overflows the stack). */
export const deeplyNestedJson = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const HOLE = '"__fuzz_raw__"';
/** A JSON body whose `key` holds raw JSON text. */
const withRaw = (obj: Record<string, unknown>, key: string, rawJson: string): string =>
  JSON.stringify({ ...obj, [key]: HOLE.slice(1, -1) }).replace(HOLE, () => rawJson);

/**
 * Bodies that break a request's schema: wrong types, an unknown key, deep
 * nesting, a field replaced by a huge string, a wrong type, or unicode edges
 * (a lone surrogate written as an escape). Some may still fit a lenient schema;
 * the caller checks each with the schema before counting it as refused.
 */
export function mutatedBodies(valid: unknown, rnd: Random): string[] {
  const obj = typeof valid === 'object' && valid !== null && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
  const out = ['42', '"text"', '[]', 'true', JSON.stringify([valid]), JSON.stringify({ ...obj, zzUnknownKey: 1 })];
  out.push(withRaw(obj, 'zzDeep', deeplyNestedJson(10_000)));
  for (const key of Object.keys(obj)) {
    const raw = rnd.pick([
      JSON.stringify('x'.repeat(600_000)),
      '-1e308',
      '{"$gt":""}',
      '["\\ud800"]',
      JSON.stringify('\u0000'.repeat(64)),
      deeplyNestedJson(200),
      '"\\udfff\\u202e"',
    ]);
    out.push(withRaw(obj, key, raw));
    out.push(JSON.stringify({ ...obj, [key]: typeof obj[key] === 'string' ? 7 : 'seven' }));
  }
  return out;
}
