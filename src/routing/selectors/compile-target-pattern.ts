import type { Target } from '../target.js';

/**
 * A matcher for one `prefer` entry of a rule: a target id matches itself exactly; otherwise the entry is a
 * `provider/model` pattern in which `*` stands for any run of characters, matched against the target's
 * `provider/model` (so it covers every key of that model) and against its full id.
 */
export function compileTargetPattern(pattern: string): (target: Target) => boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const expression = new RegExp(`^${source}$`);
  return (target) =>
    target.id === pattern ||
    expression.test(`${target.provider}/${target.model}`) ||
    expression.test(target.id);
}
