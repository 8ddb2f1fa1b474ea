import type { z } from 'zod';
import type { Random } from './random';

/** Strings a user or Airflow could send: ids the Demo has, times, edges of unicode, markup. */
const STRINGS = [
  'demo',
  'Demo',
  'returns_snapshot_hourly',
  'extract_returns',
  'scheduled__2025-06-01T00:00:00+00:00',
  '2025-06-01T00:00:00.000Z',
  '2025-06-01',
  '',
  ' ',
  'a',
  '\u0000',
  '\ud800',
  '\u202eevil',
  '𝕏😀',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE dag_runs; --",
  'MATCH (n) DETACH DELETE n',
  '../../../../etc/passwd',
  '%s%n%x',
  '__proto__',
];
const NUMBERS = [0, 1, -1, 2, 7, 24, 100, 1_000, 2 ** 31, -(2 ** 31), 0.5, Number.MAX_SAFE_INTEGER];

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/**
 * One sample for a schema, drawn from its own definition (objects, strings with
 * their length bounds, numbers, enums, literals, unions, arrays, records…).
 * The caller keeps only samples the schema accepts.
 */
export function sample(schema: z.core.$ZodType, rnd: Random, depth = 0): unknown {
  const def = defOf(schema);
  const inner = (key: string) => def[key] as z.core.$ZodType;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        const optional = ['optional', 'default'].includes(defOf(field).type);
        if (optional && rnd.chance(0.5)) continue;
        out[key] = sample(field, rnd, depth + 1);
      }
      return out;
    }
    case 'string': {
      const s = schema as unknown as { minLength: number | null; maxLength: number | null };
      const base = rnd.pick(STRINGS);
      if (rnd.chance(0.1) && s.maxLength !== null) return 'x'.repeat(Math.min(s.maxLength, 100_000));
      return s.minLength !== null && base.length < s.minLength ? base.padEnd(s.minLength, 'x') : base;
    }
    case 'number':
    case 'int':
      return rnd.pick(NUMBERS);
    case 'boolean':
      return rnd.chance(0.5);
    case 'null':
      return null;
    case 'enum':
      return rnd.pick(Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return rnd.pick(def.values as unknown[]);
    case 'optional':
      return rnd.chance(0.3) ? undefined : sample(inner('innerType'), rnd, depth);
    case 'nullable':
      return rnd.chance(0.3) ? null : sample(inner('innerType'), rnd, depth);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(inner('innerType'), rnd, depth);
    case 'pipe':
      return sample(inner('in'), rnd, depth);
    case 'union':
      return sample(rnd.pick(def.options as z.core.$ZodType[]), rnd, depth);
    case 'intersection':
      return { ...(sample(inner('left'), rnd, depth) as object), ...(sample(inner('right'), rnd, depth) as object) };
    case 'array':
      return depth > 4 ? [] : Array.from({ length: rnd.int(3) }, () => sample(inner('element'), rnd, depth + 1));
    case 'tuple':
      return (def.items as z.core.$ZodType[]).map((item) => sample(item, rnd, depth + 1));
    case 'record':
      return depth > 4 ? {} : { [String(sample(inner('keyType'), rnd, depth + 1))]: sample(inner('valueType'), rnd, depth + 1) };
    case 'lazy':
      return depth > 4 ? undefined : sample((def.getter as () => z.core.$ZodType)(), rnd, depth + 1);
    default:
      return rnd.pick([null, 'x', 1, {}, []]);
  }
}
