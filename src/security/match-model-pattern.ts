/** Compiled patterns: operators write a handful, so the memo stays small. */
const compiled = new Map<string, RegExp>();

/**
 * Whether `name` (a route name or `provider/model`) matches `pattern`, where `*` is any run of
 * characters, slashes included (`groq/*`, `*gpt-4o*`, `*`). Case does not matter.
 * @example matchModelPattern('groq/*', 'groq/llama-3.1-8b-instant') // true
 */
export function matchModelPattern(pattern: string, name: string): boolean {
  let expression = compiled.get(pattern);
  if (!expression) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    expression = new RegExp(`^${source}$`, 'i');
    compiled.set(pattern, expression);
  }
  return expression.test(name);
}
