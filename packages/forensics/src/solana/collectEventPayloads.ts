import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeBase64 } from './decodeBase64.ts'
import { isSelfCpiEvent } from './isSelfCpiEvent.ts'
import type { NormalizedTransaction } from './NormalizedTransaction.ts'
import type { EventOrigin } from './PumpfunEvent.ts'
import type { LogStack } from './parseLogStack.ts'
import { PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'
import type { InvocationTree } from './resolveInvocations.ts'

/**
 * An event's bytes (discriminator + payload) and where they were found.
 *
 * @example
 * const c: EventCandidate = { bytes: tradeEventBytes, origin }
 */
export type EventCandidate = { bytes: Uint8Array; origin: EventOrigin }

/** Parameters of {@link collectEventPayloads}. */
export type CollectEventPayloadsParameters = {
  tx: NormalizedTransaction
  logStack: LogStack
  tree: InvocationTree
  /** Index in the decoded pump.fun instructions, by flattened instruction index. */
  byFlatIndex: ReadonlyMap<number, number>
}

/** Result of {@link collectEventPayloads}: both sources, each in execution order. */
export type CollectEventPayloadsReturnType = {
  selfCpi: EventCandidate[]
  logs: EventCandidate[]
  /** `Program data:` lines of pump.fun that were not valid base64. */
  badLogLines: { origin: EventOrigin; message: string }[]
  /** `Program data:` lines written by any other program (or outside any invocation): ignored. */
  foreignDataLines: number
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function fromSelfCpi(p: CollectEventPayloadsParameters): EventCandidate[] {
  const { instructions } = p.tx
  const out: EventCandidate[] = []
  for (const [k, ix] of instructions.entries()) {
    if (!isSelfCpiEvent(ix)) continue
    const emitter = p.tree.parents[k]
    if (emitter !== undefined && instructions[emitter]?.programId !== PUMPFUN_PROGRAM_ID) continue
    const caller = emitter === undefined ? undefined : p.tree.parents[emitter]
    const origin: EventOrigin = {
      source: 'self-cpi',
      topLevelIndex: ix.topLevelIndex,
      invokedBy: caller === undefined ? undefined : instructions[caller]?.programId,
      instructionIndex: emitter === undefined ? undefined : p.byFlatIndex.get(emitter),
    }
    out.push({ bytes: ix.data!.subarray(8), origin })
  }
  return out
}

/**
 * Gathers pump.fun event bytes from the two places they appear: self-CPI inner instructions (program
 * pump.fun, data = event tag + event) and `Program data:` log lines written while pump.fun was the
 * executing program on the log stack. Lines from any other program are counted and ignored.
 *
 * @example
 * const { selfCpi, logs } = collectEventPayloads({ tx, logStack, tree, byFlatIndex })
 */
export function collectEventPayloads(p: CollectEventPayloadsParameters): CollectEventPayloadsReturnType {
  const { frames } = p.logStack
  const logs: EventCandidate[] = []
  const badLogLines: CollectEventPayloadsReturnType['badLogLines'] = []
  let foreignDataLines = 0
  for (const line of p.logStack.data) {
    const frame = line.frame === undefined ? undefined : frames[line.frame]
    if (line.frame === undefined || frame?.programId !== PUMPFUN_PROGRAM_ID) {
      foreignDataLines++
      continue
    }
    const caller = frame.parent === undefined ? undefined : frames[frame.parent]
    const origin: EventOrigin = {
      source: 'log',
      topLevelIndex: frame.topLevelIndex,
      invokedBy: caller?.programId,
      instructionIndex: line.frame < p.tree.matched ? p.byFlatIndex.get(line.frame) : undefined,
    }
    try {
      logs.push({ bytes: concat(line.fields.map((f) => decodeBase64(f, `log line ${line.line}`))), origin })
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error
      badLogLines.push({ origin, message: error.shortMessage })
    }
  }
  return { selfCpi: fromSelfCpi(p), logs, badLogLines, foreignDataLines }
}
