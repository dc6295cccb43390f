/**
 * True when a parsed JSON value nests arrays or objects deeper than `maxDepth`. Iterative, so checking a
 * hostile value cannot itself overflow the stack, and it stops at the first branch that is too deep.
 * V8's JSON.stringify overflows at a few thousand levels, so a body like that must be refused on arrival,
 * before it reaches a serializer (an upstream call, the usage log).
 * @example exceedsJsonDepth(JSON.parse('[[[1]]]'), 2) // true
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
