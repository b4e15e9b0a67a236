import type { File, Reporter, Task } from 'vitest'

/** Prints one plain `N passed, N failed, N skipped` line after a run, the closing line CI reads. */
export default class SummaryReporter implements Reporter {
  onFinished(files: File[] = []): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    const visit = (task: Task): void => {
      if (task.type === 'suite') {
        for (const child of task.tasks) visit(child)
        return
      }
      const state = task.result?.state
      if (state === 'pass') passed++
      else if (state === 'fail') failed++
      else skipped++
    }
    for (const file of files) {
      if (file.result?.state === 'fail' && file.tasks.length === 0) failed++
      for (const task of file.tasks) visit(task)
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
