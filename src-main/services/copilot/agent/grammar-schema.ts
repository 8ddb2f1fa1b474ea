/**
 * Turns a tool's JSON schema (z.toJSONSchema of its zod input) into the
 * subset node-llama-cpp compiles to a GBNF grammar: every property is
 * emitted (optional ones as value-or-null), strings and arrays are bounded so
 * a small model cannot run on forever, small integer ranges become enums.
 */
export type SchemaNode = { readonly [key: string]: unknown };

const DEFAULT_MAX_STRING = 200;
const DEFAULT_MAX_ITEMS = 10;
const MAX_ENUM_RANGE = 100;

/** Values a property may take, by property name, e.g. the DAG ids of the environment. */
export type Narrowing = Readonly<Record<string, readonly string[]>>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(node: SchemaNode, key: string): number | undefined {
  const v = node[key];
  return typeof v === 'number' ? v : undefined;
}

function convertObject(node: SchemaNode, narrow: Narrowing): SchemaNode {
  const props = isNode(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === 'string') : []);
  const properties: Record<string, SchemaNode> = {};
  for (const [key, value] of Object.entries(props)) {
    if (!isNode(value)) throw new Error(`property ${key} has no schema`);
    const values = narrow[key];
    const converted = values !== undefined && values.length > 0 ? { enum: [...values] } : toGrammarSchema(value, narrow);
    properties[key] = required.has(key) ? converted : { oneOf: [converted, { type: 'null' }] };
  }
  return { type: 'object', properties };
}

function convertInteger(node: SchemaNode): SchemaNode {
  const min = num(node, 'minimum');
  const max = num(node, 'maximum');
  if (min !== undefined && max !== undefined && max - min <= MAX_ENUM_RANGE) {
    return { enum: Array.from({ length: max - min + 1 }, (_, i) => min + i) };
  }
  return { type: 'integer' };
}

export function toGrammarSchema(node: SchemaNode, narrow: Narrowing = {}): SchemaNode {
  if ('const' in node) return { const: node.const };
  if (Array.isArray(node.enum)) return { enum: node.enum };
  const union = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : null;
  if (union !== null) return { oneOf: union.filter(isNode).map((n) => toGrammarSchema(n, narrow)) };
  switch (node.type) {
    case 'object':
      return convertObject(node, narrow);
    case 'string': {
      const min = num(node, 'minLength');
      return { type: 'string', maxLength: num(node, 'maxLength') ?? DEFAULT_MAX_STRING, ...(min !== undefined ? { minLength: min } : {}) };
    }
    case 'integer':
      return convertInteger(node);
    case 'number':
    case 'boolean':
    case 'null':
      return { type: node.type };
    case 'array': {
      if (!isNode(node.items)) throw new Error('arrays need an item schema');
      return { type: 'array', items: toGrammarSchema(node.items, narrow), maxItems: num(node, 'maxItems') ?? DEFAULT_MAX_ITEMS };
    }
    default:
      throw new Error(`schema not supported by the grammar: ${JSON.stringify(node).slice(0, 120)}`);
  }
}

/** Optional arguments come back as null from the grammar; zod expects them absent. */
export function dropNulls(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
