import { confIssues, type DagParam, type ParamSchema } from '../../../src-shared/domain/dag-params';

/** How a param is edited: a text box for strings and numbers, a select for enums, a checkbox, else JSON. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'enum' | 'json';

const typesOf = (schema: ParamSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

export function fieldKind(param: DagParam): FieldKind {
  if (param.schema.enum !== undefined) return 'enum';
  const types = typesOf(param.schema).filter((t) => t !== 'null');
  if (types.length === 1) {
    const [t] = types;
    if (t === 'string') return 'string';
    if (t === 'integer' || t === 'number') return 'number';
    if (t === 'boolean') return 'boolean';
  }
  if (types.length === 0 && typeof param.default === 'string') return 'string';
  if (types.length === 0 && typeof param.default === 'boolean') return 'boolean';
  return 'json';
}

/** The text a field starts with, for a value. */
export function fieldText(kind: FieldKind, value: unknown): string {
  if (kind === 'string') return typeof value === 'string' ? value : '';
  if (kind === 'number') return typeof value === 'number' ? String(value) : '';
  return JSON.stringify(value ?? null);
}

export type FieldRead = { ok: true; value: unknown } | { ok: false; message: string };

/** The value a field's text stands for; empty text is null (then the schema says whether that may be). */
export function readField(kind: FieldKind, text: string): FieldRead {
  if (kind === 'string') return { ok: true, value: text };
  if (text.trim() === '') return { ok: true, value: null };
  if (kind === 'number') {
    const n = Number(text.trim());
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'is not a number' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'is not valid JSON' };
  }
}

export interface ConfDraft {
  /** Text of each declared param's field. */
  fields: Record<string, string>;
  /** A JSON object of conf keys the DAG does not declare. */
  extra: string;
}

export function initialDraft(params: DagParam[], conf: Record<string, unknown> = {}): ConfDraft {
  const declared = new Set(params.map((p) => p.name));
  const fields = Object.fromEntries(params.map((p) => [p.name, fieldText(fieldKind(p), p.name in conf ? conf[p.name] : p.default)]));
  const extra = Object.fromEntries(Object.entries(conf).filter(([k]) => !declared.has(k)));
  return { fields, extra: JSON.stringify(extra, null, 2) };
}

export const EXTRA_FIELD = '(other keys)';

export type DraftResult = { ok: true; conf: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * Reads the draft into a conf and checks it against the params (the same
 * check the back end repeats); errors are keyed by param name, or
 * EXTRA_FIELD for the other keys.
 */
export function readDraft(params: DagParam[], draft: ConfDraft): DraftResult {
  const errors: Record<string, string> = {};
  const conf: Record<string, unknown> = {};
  try {
    const extra = JSON.parse(draft.extra.trim() === '' ? '{}' : draft.extra) as unknown;
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) errors[EXTRA_FIELD] = 'must be a JSON object ({ … })';
    else Object.assign(conf, extra);
  } catch {
    errors[EXTRA_FIELD] = 'is not valid JSON';
  }
  for (const p of params) {
    const read = readField(fieldKind(p), draft.fields[p.name] ?? '');
    if (read.ok) conf[p.name] = read.value;
    else errors[p.name] = read.message;
  }
  for (const issue of confIssues(params, conf)) {
    const key = issue.param ?? EXTRA_FIELD;
    errors[key] ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, conf };
}
