import type { NormalizedInstruction } from './NormalizedTransaction.ts'
import type { LogFrame } from './parseLogStack.ts'

/**
 * Result of {@link resolveInvocations}.
 *
 * @example
 * const { parents, matched }: InvocationTree = resolveInvocations(tx.instructions, frames)
 */
export type InvocationTree = {
  /** For each instruction (execution order), the index of the instruction that invoked it. */
  parents: (number | undefined)[]
  /** Leading instructions that match the log frames one to one (same program, same order). */
  matched: number
}

function height(ix: NormalizedInstruction): number | undefined {
  return ix.innerIndex === undefined ? 1 : ix.stackHeight
}

function fallbackParent(instructions: readonly NormalizedInstruction[], k: number): number | undefined {
  const ix = instructions[k]!
  if (ix.innerIndex === undefined) return undefined
  const h = ix.stackHeight
  let j = k - 1
  for (; j >= 0; j--) {
    const candidate = instructions[j]!
    if (h !== undefined && height(candidate) === h - 1) return j
    if (candidate.innerIndex === undefined) return j
  }
  return undefined
}

/**
 * Finds which instruction invoked which. Every invocation writes one `invoke` log line, in the same order
 * as the flattened instruction list, so while programs match, the log stack gives the exact caller;
 * past that (truncated logs, no logs) `stackHeight` is used, and without it the top-level instruction.
 *
 * @example
 * const { parents } = resolveInvocations(tx.instructions, parseLogStack(tx.logMessages ?? []).frames)
 */
export function resolveInvocations(
  instructions: readonly NormalizedInstruction[],
  frames: readonly LogFrame[],
): InvocationTree {
  let matched = 0
  while (matched < instructions.length && frames[matched]?.programId === instructions[matched]!.programId) {
    matched++
  }
  const parents = instructions.map((_, k) =>
    k < matched ? frames[k]!.parent : fallbackParent(instructions, k),
  )
  return { parents, matched }
}
