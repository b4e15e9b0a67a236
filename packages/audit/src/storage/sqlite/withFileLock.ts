const tails = new Map<string, Promise<void>>()

/**
 * Runs `task` once every earlier task queued under the same key (a database file) has settled. SQLite's own
 * lock serializes writers across processes, but two connections in one process must not wait on each other
 * synchronously (the busy handler would block the only thread), so their write transactions queue here.
 *
 * @example
 * await withFileLock('/var/lib/audit.db', async () => appendInTransaction())
 */
export function withFileLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve()
  const run = previous.then(task)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  tails.set(key, tail)
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key)
  })
  return run
}
