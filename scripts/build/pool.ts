/**
 * Runs `task` over `items` with at most `limit` at a time, in order of
 * start. A task that throws does not stop the others: the caller's task
 * records its own failure.
 */
export async function runPool<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
