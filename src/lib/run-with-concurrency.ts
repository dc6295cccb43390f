/**
 * Runs `task(0)` … `task(count - 1)` with at most `limit` running at once, each index once, started in
 * order. `task` must not reject (collect failures inside it): one failure never stops the others.
 * @example await runWithConcurrency(items.length, 4, async (index) => { results[index] = await run(items[index]); });
 */
export async function runWithConcurrency(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
