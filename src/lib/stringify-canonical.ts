/**
 * JSON with object keys sorted at every level, so two objects with the same content give the same text
 * whatever order their keys were written in (`{"a":1,"b":2}` and `{"b":2,"a":1}`). Array order is kept:
 * it carries meaning. `undefined` members are dropped, as JSON.stringify does.
 */
export function stringifyCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => stringifyCanonical(item ?? null)).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${stringifyCanonical(member)}`);
  }
  return `{${members.join(',')}}`;
}
