/**
 * Runs `task` on every item, at most `limit` at a time. After a failure no new item starts; the
 * running ones are waited for, so nothing is still writing when the caller cleans up, and the
 * first error is thrown.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}
