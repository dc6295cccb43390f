import type { JSONSchema } from '../spec/index.js';
import { getPlausibleNumber, getPlausibleString, type PlausibleValueContext } from './plausible-values.js';
import { vocabulary } from './simulated-vocabulary.js';

/** Beyond this nesting depth only required properties and minimum array lengths are generated. */
const fullDepth = 4;
/** Recursive `$ref` chains stop here. */
const maximumDepth = 12;

/**
 * A value that validates against a JSON Schema, with plausible content: `default`, then `examples[0]`,
 * `const`, `enum`; `anyOf`/`oneOf` take their first branch (the first non-null one when there is a
 * choice); `allOf` is merged; local `$ref`s (`#/$defs/...`, `#/definitions/...`) are followed. Strings
 * and numbers suit their property name and respect `format`, lengths, bounds and `multipleOf`.
 * @example generateJsonFromSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, context)
 */
export function generateJsonFromSchema(schema: unknown, context: PlausibleValueContext): unknown {
  return generateValue(schema, '', 0, { ...context, root: schema });
}

interface GenerationContext extends PlausibleValueContext {
  root: unknown;
}

function generateValue(schema: unknown, key: string, depth: number, context: GenerationContext): unknown {
  if (typeof schema !== 'object' || schema === null)
    return schema === false ? null : getPlausibleString(key, {}, context);
  let current = schema as JSONSchema;
  if (typeof current.$ref === 'string' && depth < maximumDepth) {
    const { $ref, ...siblings } = current;
    current = { ...siblings, ...(resolveReference(context.root, $ref) ?? {}) };
  }
  if ('default' in current) return current.default;
  if (Array.isArray(current.examples) && current.examples.length > 0) return current.examples[0];
  if ('const' in current) return current.const;
  if (Array.isArray(current.enum) && current.enum.length > 0) return context.random.pick(current.enum);
  const branches = (current.anyOf ?? current.oneOf) as unknown;
  if (Array.isArray(branches) && branches.length > 0) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...siblings } = current;
    const branch = branches.find((candidate) => !isNullOnly(candidate)) ?? branches[0];
    return generateValue({ ...siblings, ...(branch as JSONSchema) }, key, depth + 1, context);
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...siblings } = current;
    return generateValue(mergeAll(siblings, allOf as JSONSchema[], context.root), key, depth + 1, context);
  }
  switch (getType(current)) {
    case 'object':
      return generateObject(current, depth, context);
    case 'array':
      return generateArray(current, key, depth, context);
    case 'integer':
      return fitNumber(Math.round(getPlausibleNumber(key, current, context.random)), current, true);
    case 'number':
      return fitNumber(getPlausibleNumber(key, current, context.random), current, false);
    case 'boolean':
      return context.random.chance(0.5);
    case 'null':
      return null;
    default:
      return fitString(getPlausibleString(key, current, context), current, context);
  }
}

function generateObject(
  schema: JSONSchema,
  depth: number,
  context: GenerationContext,
): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const value: Record<string, unknown> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (depth >= fullDepth && !required.has(name)) continue;
    value[name] = generateValue(propertySchema, name, depth + 1, context);
  }
  for (const name of required) {
    if (!(name in value))
      value[name] = generateValue(schema.additionalProperties ?? {}, name, depth + 1, context);
  }
  const additional = schema.additionalProperties;
  if (
    Object.keys(value).length === 0 &&
    typeof additional === 'object' &&
    additional !== null &&
    depth < fullDepth
  ) {
    const name = context.topicWords[0] ?? context.random.pick(vocabulary.nouns);
    value[name] = generateValue(additional, name, depth + 1, context);
  }
  return value;
}

function generateArray(
  schema: JSONSchema,
  key: string,
  depth: number,
  context: GenerationContext,
): unknown[] {
  const minimum = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maximum = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  // Draft 2020-12 tuples use `prefixItems`; drafts 4-7 put the tuple in `items` itself.
  const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
  const prefix = Array.isArray(tuple) ? (tuple as unknown[]) : [];
  const wanted = depth >= fullDepth ? minimum : Math.max(minimum, Math.min(2, maximum), prefix.length);
  const items = schema.items === false || Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  const itemKey = key.endsWith('s') ? key.slice(0, -1) : key;
  const values: unknown[] = [];
  const seen = new Set<string>();
  for (let index = 0; values.length < Math.min(wanted, maximum) && index < wanted * 4 + 4; index++) {
    const itemSchema = index < prefix.length ? prefix[index] : items;
    if (itemSchema === undefined && index >= prefix.length && prefix.length > 0) break;
    const value = generateValue(itemSchema ?? {}, itemKey, depth + 1, context);
    const text = JSON.stringify(value);
    if (schema.uniqueItems === true && seen.has(text)) continue;
    seen.add(text);
    values.push(value);
  }
  return values;
}

function fitNumber(value: number, schema: JSONSchema, isInteger: boolean): number {
  const step =
    typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : isInteger ? 1 : 0;
  const gap = step > 0 ? step : 0.01;
  let low = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  let high = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + gap);
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high, schema.exclusiveMaximum - gap);
  let fitted = Math.min(Math.max(value, low), high);
  if (step > 0) {
    const multiple = Math.round(fitted / step);
    const candidates = [multiple, multiple + 1, multiple - 1].map((factor) =>
      Number((factor * step).toPrecision(12)),
    );
    fitted =
      candidates.find((candidate) => candidate >= low && candidate <= high) ?? Math.ceil(low / step) * step;
  }
  return fitted;
}

function fitString(value: string, schema: JSONSchema, context: GenerationContext): string {
  let fitted = value;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  while ([...fitted].length < minLength) fitted += ` ${context.random.pick(vocabulary.nouns)}`;
  if ([...fitted].length > maxLength) fitted = [...fitted].slice(0, maxLength).join('').trimEnd();
  while ([...fitted].length < minLength) fitted += 'x';
  return fitted;
}

function getType(schema: JSONSchema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type))
    return (type.find((candidate) => candidate !== 'null') ?? type[0] ?? 'string') as string;
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema) return 'array';
  if ('minimum' in schema || 'maximum' in schema || 'multipleOf' in schema) return 'number';
  return 'string';
}

function isNullOnly(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as JSONSchema).type === 'null';
}

function resolveReference(root: unknown, reference: string): JSONSchema | undefined {
  if (!reference.startsWith('#')) return undefined;
  let target: unknown = root;
  for (const segment of reference.slice(1).split('/').filter(Boolean)) {
    if (typeof target !== 'object' || target === null) return undefined;
    target = (target as Record<string, unknown>)[
      decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return typeof target === 'object' && target !== null ? (target as JSONSchema) : undefined;
}

function mergeAll(base: JSONSchema, parts: readonly JSONSchema[], root: unknown): JSONSchema {
  const merged: JSONSchema = { ...base };
  for (const raw of parts) {
    const part = typeof raw.$ref === 'string' ? { ...raw, ...resolveReference(root, raw.$ref) } : raw;
    const properties =
      (merged.properties ?? part.properties)
        ? { ...(merged.properties as object), ...(part.properties as object) }
        : undefined;
    const required = [
      ...((merged.required as string[] | undefined) ?? []),
      ...((part.required as string[] | undefined) ?? []),
    ];
    Object.assign(merged, part);
    if (properties !== undefined) merged.properties = properties;
    if (required.length > 0) merged.required = required;
    delete merged.$ref;
  }
  return merged;
}
