import { z } from 'zod';
import { matchParamPattern } from './param-pattern';

/**
 * The JSON-schema subset Airflow params use (`Param(default, type=…, enum=…,
 * minimum=…, …)`), as Airflow serialises it in `/dags/{id}/details`.
 */
export const ParamSchema = z
  .object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.number().optional(),
    exclusiveMaximum: z.number().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    pattern: z.string().optional(),
    format: z.string().optional(),
    minItems: z.number().optional(),
    maxItems: z.number().optional(),
    items: z
      .object({ type: z.union([z.string(), z.array(z.string())]).optional() })
      .passthrough()
      .optional(),
    required: z.array(z.string()).optional(),
  })
  .passthrough();
export type ParamSchema = z.infer<typeof ParamSchema>;

/** One declared param of a DAG: its default (null when it has none), description and schema. */
export const DagParam = z.object({
  name: z.string(),
  default: z.unknown(),
  hasDefault: z.boolean(),
  description: z.string().nullable(),
  schema: ParamSchema,
});
export type DagParam = z.infer<typeof DagParam>;

export interface ParamIssue {
  /** The param's name, or null for the conf as a whole. */
  param: string | null;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A serialised `Param` (v1 carries `__class`, both carry `schema` and `value`). */
const isSerialisedParam = (v: unknown): v is Record<string, unknown> => isRecord(v) && ('__class' in v || ('schema' in v && 'value' in v));

/**
 * Reads the params JSON kept in the cache: Airflow's serialised params, or a
 * plain `{name: default}` object (then with no schema). Unreadable text gives none.
 */
export function parseDagParams(json: string | null): DagParam[] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  return Object.entries(parsed).map(([name, raw]) => {
    if (!isSerialisedParam(raw)) return { name, default: raw, hasDefault: true, description: null, schema: {} };
    const schema = ParamSchema.safeParse(raw.schema);
    const value = raw.value;
    return {
      name,
      default: value ?? null,
      hasDefault: value !== undefined,
      description: typeof raw.description === 'string' ? raw.description : null,
      schema: schema.success ? schema.data : {},
    };
  });
}

const typeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
};

const matchesType = (v: unknown, type: string): boolean => {
  const actual = typeOf(v);
  return actual === type || (type === 'number' && actual === 'integer');
};

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function formatIssue(v: string, format: string | undefined): string | null {
  if (format === 'date' && !ISO_DATE.test(v)) return 'must be a date (YYYY-MM-DD)';
  if (format === 'date-time' && (!ISO_DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))) return 'must be a date and time (ISO 8601)';
  return null;
}

function patternIssue(v: string, pattern: string | undefined): string | null {
  if (pattern === undefined) return null;
  return matchParamPattern(pattern, v) === 'no-match' ? `must match the pattern ${pattern}` : null;
}

/** The first way a value breaks a param's schema, or null when it fits. */
export function paramValueIssue(value: unknown, schema: ParamSchema): string | null {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => matchesType(value, t))) {
    return value === null ? 'is required' : `must be ${types.join(' or ')}, not ${typeOf(value)}`;
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => show(e) === show(value)))
    return `must be one of ${schema.enum.map(show).join(', ')}`;
  if ('const' in schema && schema.const !== undefined && show(schema.const) !== show(value)) return `must be ${show(schema.const)}`;
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `must be at most ${schema.maximum}`;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return `must be more than ${schema.exclusiveMinimum}`;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return `must be less than ${schema.exclusiveMaximum}`;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `must be at least ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `must be at most ${schema.maxLength} characters`;
    const issue = patternIssue(value, schema.pattern) ?? formatIssue(value, schema.format);
    if (issue !== null) return issue;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return `must have at least ${schema.minItems} items`;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `must have at most ${schema.maxItems} items`;
    const itemTypes = schema.items?.type;
    if (itemTypes !== undefined) {
      const bad = value.findIndex((item) => paramValueIssue(item, { type: itemTypes }) !== null);
      if (bad >= 0) return `item ${bad + 1} ${paramValueIssue(value[bad], { type: itemTypes }) ?? ''}`.trim();
    }
  }
  if (isRecord(value) && schema.required !== undefined) {
    const missing = schema.required.filter((k) => !(k in value));
    if (missing.length > 0) return `needs ${missing.join(', ')}`;
  }
  return null;
}

/**
 * Checks a trigger conf the way Airflow does: each declared param takes its
 * value from the conf, else its default, and must fit its schema; keys the DAG
 * does not declare pass through.
 */
export function confIssues(params: DagParam[], conf: Record<string, unknown>): ParamIssue[] {
  const issues: ParamIssue[] = [];
  for (const p of params) {
    const given = Object.prototype.hasOwnProperty.call(conf, p.name);
    const value = given ? conf[p.name] : p.default;
    if (!given && !p.hasDefault && p.schema.type === undefined) {
      issues.push({ param: p.name, message: 'is required (it has no default)' });
      continue;
    }
    const issue = paramValueIssue(value, p.schema);
    if (issue !== null) issues.push({ param: p.name, message: issue });
  }
  return issues;
}

/** The conf a trigger starts from: every param's default. */
export function defaultConf(params: DagParam[]): Record<string, unknown> {
  return Object.fromEntries(params.map((p) => [p.name, p.default]));
}

/** One sentence naming every issue, for errors and the audit log. */
export const describeIssues = (issues: ParamIssue[]): string =>
  issues.map((i) => (i.param === null ? i.message : `${i.param} ${i.message}`)).join('; ');
