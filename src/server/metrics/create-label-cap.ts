/**
 * Bounds a label's cardinality: the first `max` distinct values pass through, later new values become
 * `other`. A Prometheus series per value lives forever in the scraper, so an unbounded label (thousands of
 * gateway keys) would grow memory on both sides without limit.
 * @example const keyLabel = createLabelCap(1000); counter.inc({ key_id: keyLabel(record.keyId) });
 */
export function createLabelCap(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return 'other';
    seen.add(value);
    return value;
  };
}
