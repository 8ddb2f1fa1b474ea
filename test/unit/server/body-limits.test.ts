import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { requests } from '../../../src-shared/api/contract';
import { MAX_BODY_BYTES, bodyLimitFor } from '../../../src-shared/api/wire';

/** The longest text any field of a schema accepts (0 when none has a bound). */
function longestText(schema: z.core.$ZodType, seen = new Set<unknown>()): number {
  if (seen.has(schema)) return 0;
  seen.add(schema);
  if (schema instanceof z.ZodString) return schema.maxLength ?? 0;
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children: unknown[] = [];
  for (const key of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right'])
    if (def[key] !== undefined) children.push(def[key]);
  if (Array.isArray(def.options)) children.push(...def.options);
  if (Array.isArray(def.items)) children.push(...def.items);
  if (typeof def.shape === 'object' && def.shape !== null) children.push(...Object.values(def.shape));
  return Math.max(
    0,
    ...children.filter((c): c is z.core.$ZodType => typeof c === 'object' && c !== null && '_zod' in c).map((c) => longestText(c, seen)),
  );
}

describe('served body limits match the contract', () => {
  it('lets every request carry the longest text its schema accepts (twice it, for JSON escaping and UTF-8)', () => {
    const short: string[] = [];
    for (const [name, def] of Object.entries(requests)) {
      const longest = longestText(def.input as z.core.$ZodType);
      if (2 * longest > bodyLimitFor(name)) short.push(`${name}: text up to ${longest} chars, body limit ${bodyLimitFor(name)}`);
    }
    expect(short).toEqual([]);
    expect(longestText(requests['incidents.import'].input as z.core.$ZodType)).toBe(20_000_000);
    expect(bodyLimitFor('incidents.import')).toBeGreaterThan(40_000_000);
    expect(bodyLimitFor('runs.list')).toBe(MAX_BODY_BYTES);
  });
});
