/**
 * The indices of values with no value on either side: a line cannot be drawn through them, so the
 * chart marks them as dots (a success rate or a latency from a single busy bucket would otherwise not
 * show at all). Null when there is none, which leaves uPlot's own choice of points in place.
 * @example findIsolatedPoints([null, 3, null, 4, 5]) // [1]
 */
export function findIsolatedPoints(values: ReadonlyArray<number | null | undefined>): number[] | null {
  const isolated: number[] = [];
  const isMissing = (index: number) => values[index] === null || values[index] === undefined;
  for (let index = 0; index < values.length; index++) {
    if (!isMissing(index) && isMissing(index - 1) && isMissing(index + 1)) isolated.push(index);
  }
  return isolated.length > 0 ? isolated : null;
}
