/**
 * One program invocation seen in the logs (`Program <id> invoke [n]`).
 *
 * @example
 * const frame: LogFrame = { programId, depth: 2, parent: 0, topLevelIndex: 0, status: 'success' }
 */
export type LogFrame = {
  programId: string
  /** 1 for a top-level instruction, 2 for a CPI from it, ... */
  depth: number
  /** Index of the invocation that called this one; `undefined` at depth 1. */
  parent: number | undefined
  /** Index of the top-level instruction this invocation belongs to. */
  topLevelIndex: number
  status: 'success' | 'failed' | 'unfinished'
}

/**
 * A `Program data:` line and the invocation that was executing when it was written.
 *
 * @example
 * const line: LogDataLine = { frame: 1, programId, fields: ['vdt/007mYe4='], line: 9 }
 */
export type LogDataLine = {
  /** Index in `frames`; `undefined` when no program was on the stack. */
  frame: number | undefined
  programId: string | undefined
  /** The base64 fields after `Program data:` (Anchor events use one). */
  fields: string[]
  line: number
}

/**
 * Result of {@link parseLogStack}.
 *
 * @example
 * const { frames, data, truncated }: LogStack = parseLogStack(meta.logMessages)
 */
export type LogStack = {
  frames: LogFrame[]
  data: LogDataLine[]
  /** The validator cut the log (`Log truncated`): later events are missing from it. */
  truncated: boolean
  /** Lines that did not fit the stack (a `success` for another program, a depth jump). */
  anomalies: number
}

const INVOKE = /^Program (\w+) invoke \[(\d+)\]$/
const END = /^Program (\w+) (success|failed)/

/**
 * Walks `meta.logMessages` as a call stack so every `Program data:` line is attributed to the program
 * that wrote it. Only the invoke/success/failed lines move the stack; `Program log:`, `consumed`,
 * `return` lines are ignored.
 *
 * @example
 * const { data } = parseLogStack(meta.logMessages)
 * const pumpData = data.filter((d) => d.programId === PUMPFUN_PROGRAM_ID)
 */
export function parseLogStack(logs: readonly string[]): LogStack {
  const frames: LogFrame[] = []
  const data: LogDataLine[] = []
  const stack: number[] = []
  let truncated = false
  let anomalies = 0
  let topLevelIndex = -1
  for (const [line, text] of logs.entries()) {
    const invoke = INVOKE.exec(text)
    if (invoke) {
      const depth = Number(invoke[2])
      if (depth !== stack.length + 1) anomalies++
      while (stack.length >= depth) stack.pop()
      if (depth === 1) topLevelIndex++
      const parent = stack.at(-1)
      stack.push(frames.length)
      frames.push({ programId: invoke[1]!, depth, parent, topLevelIndex, status: 'unfinished' })
      continue
    }
    const end = END.exec(text)
    if (end) {
      const top = stack.pop()
      const frame = top === undefined ? undefined : frames[top]
      if (frame === undefined || frame.programId !== end[1]) anomalies++
      else frame.status = end[2] === 'success' ? 'success' : 'failed'
      continue
    }
    if (text.startsWith('Program data: ')) {
      const frame = stack.at(-1)
      const programId = frame === undefined ? undefined : frames[frame]?.programId
      data.push({ frame, programId, fields: text.slice(14).split(' ').filter(Boolean), line })
    } else if (text === 'Log truncated') truncated = true
  }
  return { frames, data, truncated, anomalies }
}
